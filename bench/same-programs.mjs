// The same 4,000 programs (made by OLD's generator, printed, and parsed by each tree) run on
// each tree's model and impl, in µs of CPU per program: whether the targets got slower, apart
// from what the generator now asks of them. Both trees compiled (npx tsc); OLD must have the
// pre-December generator (fuzz/arbitrary/program.js, e.g. 3ecc87f):
//   node bench/same-programs.mjs /tmp/old $PWD
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [oldDir, curDir] = process.argv.slice(2, 4).map((d) => resolve(d));
const load = (dir, f) => import(pathToFileURL(`${dir}/dist/${f}`).href);
const gen = { ...(await load(oldDir, 'fuzz/mutate.js')), ...(await load(oldDir, 'fuzz/arbitrary/program.js')), ...(await load(oldDir, 'fuzz/rng.js')) };
const oldAbi = await load(oldDir, 'abi/index.js');
const texts = [];
for (let i = 0; texts.length < 4000; i++) {
  const rng = new gen.Rng(1000 + i);
  for (let j = 0; j < 200; j++) texts.push(oldAbi.print(gen.buildProgram(gen.randomRecipes(rng, 16), {})));
}
for (const round of [1, 2]) {
  for (const dir of [oldDir, curDir]) {
    const abi = await load(dir, 'abi/index.js');
    const { createModel } = await load(dir, 'model/index.js');
    const { createImpl } = await load(dir, 'impl/index.js');
    const progs = texts.map((t) => abi.parse(t));
    for (const [name, f] of [['model', createModel], ['impl', createImpl]]) {
      const c0 = process.cpuUsage();
      for (const p of progs) abi.runProgram(f, p);
      const c = process.cpuUsage(c0);
      console.log(`round ${round} ${dir} ${name}: ${((c.user + c.system) / progs.length).toFixed(0)} µs/program`);
    }
  }
}
