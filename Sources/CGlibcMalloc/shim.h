#ifndef NEWSLETTERKIT_CGLIBCMALLOC_SHIM_H
#define NEWSLETTERKIT_CGLIBCMALLOC_SHIM_H
/* glibc's allocator settings (mallopt) and block sizes (malloc_usable_size); empty where there is no <malloc.h>. */
#if defined(__linux__) && __has_include(<malloc.h>)
#include <malloc.h>
#endif
#endif
