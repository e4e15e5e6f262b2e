#ifndef ROLEGEN_CCMARKGFM_H
#define ROLEGEN_CCMARKGFM_H

/* The headers of Debian's two cmark-gfm -dev packages, gathered for one Swift module. */
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

#endif
