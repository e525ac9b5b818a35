// What one program may cost a target. A case asking for more (a 1 TiB MAP_POPULATE)
// would take the machine's memory or minutes of a worker; every target refuses it
// the same way, so the program is "not run" rather than a divergence or a hang.

/**
 * Pages one program may fault in through get_user_pages (populate, mlock) or cover with
 * guard markers (MADV_GUARD_INSTALL walks every page of its range): 256 MiB.
 */
export const GUP_PAGE_BUDGET = 1 << 16;

/** Thrown by a target that went over the budget; runProgram makes the trace unsupported. */
export class OverBudget extends Error {
  override readonly name = 'OverBudget';
}

/**
 * Thrown by a target when a program reaches a state it does not model — e.g. a hugetlb VMA with
 * pages in the pool (an anonymous MAP_HUGETLB mmap that succeeds while hugePages > 0; over an
 * empty pool, MAP_NORESERVE, the VMA is modelled: docs/conventions.md "The machine").
 * runProgram makes the trace unsupported, as for OverBudget: "not run", never a divergence.
 * Every check before the mapping exists is modelled.
 */
export class NotModelled extends Error {
  override readonly name = 'NotModelled';
}

/** Counts the pages a program's populates visit and throws past the budget. */
export class GupBudget {
  private used = 0;
  take(pages: number): void {
    this.used += pages;
    if (this.used > GUP_PAGE_BUDGET) throw new OverBudget(`populates or guards more than ${GUP_PAGE_BUDGET} pages (${(GUP_PAGE_BUDGET * 4) >> 10} MiB)`);
  }
}
