// Freestanding helpers: memory and string functions, number formatting, whole-file
// reads through raw syscalls, and the one-line fatal error the driver shows.
#include "io.h"

void *memset(void *d, int c, u64 n) {
  u8 *p = d;
  while (n--) *p++ = (u8)c;
  return d;
}

void *memcpy(void *d, const void *s, u64 n) {
  u8 *p = d;
  const u8 *q = s;
  while (n--) *p++ = *q++;
  return d;
}

u64 slen(const char *s) {
  u64 n = 0;
  while (s[n]) n++;
  return n;
}

int sstarts(const char *s, const char *prefix) {
  while (*prefix)
    if (*s++ != *prefix++) return 0;
  return 1;
}

char *scpy(char *p, const char *s) {
  while (*s) *p++ = *s++;
  *p = 0;
  return p;
}

char *fmt_hex(char *p, u64 v) {
  char tmp[17];
  int n = 0;
  *p++ = '0';
  *p++ = 'x';
  do {
    tmp[n++] = "0123456789abcdef"[v & 15];
    v >>= 4;
  } while (v);
  while (n) *p++ = tmp[--n];
  *p = 0;
  return p;
}

char *fmt_dec(char *p, i64 v) {
  char tmp[21];
  int n = 0;
  u64 u = (u64)v;
  if (v < 0) {
    *p++ = '-';
    u = -(u64)v;
  }
  do {
    tmp[n++] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  while (n) *p++ = tmp[--n];
  *p = 0;
  return p;
}

void put(int fd, const char *s) { sys3(SYS_write, fd, s, slen(s)); }

int write_all(int fd, const u8 *p, u64 n) {
  while (n) {
    long w = sys3(SYS_write, fd, p, n);
    if (w == -4) continue; /* EINTR */
    if (w <= 0) return -1;
    p += w;
    n -= (u64)w;
  }
  return 0;
}

/* One line on stderr, then exit: the driver reports it when the helper dies. */
void die(const char *what, long err) {
  char buf[256], *p = buf;
  p = scpy(p, "mmdiff-helper: ");
  p = scpy(p, what);
  if (err) {
    p = scpy(p, " (errno ");
    p = fmt_dec(p, err < 0 ? -err : err);
    p = scpy(p, ")");
  }
  p = scpy(p, "\n");
  put(2, buf);
  sys1(SYS_exit_group, 70);
  __builtin_unreachable();
}

int open_ro(const char *path) { return (int)sys3(SYS_open, path, O_RDONLY | O_CLOEXEC, 0); }

long read_all(int fd, char *buf, u64 cap) {
  u64 n = 0;
  for (;;) {
    if (n >= cap) return -27; /* EFBIG: the buffer is too small */
    long r = sys3(SYS_read, fd, buf + n, cap - n);
    if (r == -4) continue;
    if (r < 0) return r;
    if (r == 0) break;
    n += (u64)r;
  }
  buf[n < cap ? n : cap - 1] = 0;
  return (long)n;
}

long read_file(const char *path, char *buf, u64 cap) {
  int fd = open_ro(path);
  if (fd < 0) return fd;
  long n = read_all(fd, buf, cap);
  sys1(SYS_close, fd);
  return n;
}

u64 parse_hex(const char **s) {
  u64 v = 0;
  const char *p = *s;
  for (;; p++) {
    char c = *p;
    if (c >= '0' && c <= '9') v = v * 16 + (u64)(c - '0');
    else if (c >= 'a' && c <= 'f') v = v * 16 + (u64)(c - 'a' + 10);
    else break;
  }
  *s = p;
  return v;
}

u64 parse_dec(const char **s) {
  u64 v = 0;
  const char *p = *s;
  while (*p == ' ' || *p == '\t') p++;
  while (*p >= '0' && *p <= '9') v = v * 10 + (u64)(*p++ - '0');
  *s = p;
  return v;
}

/* "/proc/<pid>/<leaf>" (pid 0: "self") */
void proc_path(char *buf, i32 pid, const char *leaf) {
  char *p = scpy(buf, "/proc/");
  if (pid) p = fmt_dec(p, pid);
  else p = scpy(p, "self");
  p = scpy(p, "/");
  scpy(p, leaf);
}
