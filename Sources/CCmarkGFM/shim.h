#ifndef NEWSLETTERKIT_CCMARKGFM_SHIM_H
#define NEWSLETTERKIT_CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

/* The extensions' node types, assigned when the core extensions register; libcmark-gfm-extensions exports them
   but installs no header declaring them. */
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;

/* Read through functions: Swift treats imported mutable C globals as unsafe shared state. */
static inline cmark_node_type newsletterkit_table_type(void) { return CMARK_NODE_TABLE; }
static inline cmark_node_type newsletterkit_strikethrough_type(void) { return CMARK_NODE_STRIKETHROUGH; }
#endif
