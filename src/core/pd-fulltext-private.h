/* pd-fulltext-private.h: what the tests may change of text extraction */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many pages go into one commit (0: the default), so a test can
 * interrupt a small document half-way. Not thread-safe: set it before
 * extracting. */
void _pd_fulltext_set_batch_pages (guint pages);

G_END_DECLS
