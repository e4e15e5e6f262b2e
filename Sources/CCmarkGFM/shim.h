#ifndef ROLEGEN_CCMARKGFM_SHIM_H
#define ROLEGEN_CCMARKGFM_SHIM_H

#include <cmark-gfm.h>
#include <cmark-gfm/cmark-gfm-extension_api.h>

/* Exported by libcmark-gfm-extensions but declared in cmark-gfm-core-extensions.h,
   which Debian does not ship. */
void cmark_gfm_core_extensions_ensure_registered(void);

#endif
