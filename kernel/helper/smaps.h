#ifndef MMDIFF_SMAPS_H
#define MMDIFF_SMAPS_H
#include "io.h"
#include "proto.h"

struct vma_info {
  u64 start, end;
  u32 prot, flags, pkey, maysharecol;
  const char *name; /* not NUL-terminated */
  u32 namelen;
};
/* Return non-zero from the callback to stop; smaps_each then returns that value. */
typedef int (*vma_cb)(struct vma_info *v, void *ctx);
long smaps_each(i32 pid, vma_cb cb, void *ctx);
int name_is(const struct vma_info *v, const char *s);
#endif
