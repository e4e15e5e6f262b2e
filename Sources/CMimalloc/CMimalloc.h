#ifndef ROLEGEN_CMIMALLOC_H
#define ROLEGEN_CMIMALLOC_H

/* The header of Debian's libmimalloc-dev, for one Swift module. */
#include <mimalloc.h>

#endif
