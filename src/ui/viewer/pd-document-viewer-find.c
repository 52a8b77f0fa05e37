/* pd-document-viewer-find.c: the viewer's find bar */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-document-viewer-private.h"

static void
update_find_status (PdDocumentViewer *self)
{
  g_autofree char *status = NULL;
  gboolean finished;
  guint n;

  if (self->search == NULL)
    {
      gtk_label_set_text (self->find_status, "");
      return;
    }
  n = pd_document_search_get_n_matches (self->search);
  finished = pd_document_search_is_finished (self->search);
  /* While pages are still being searched, the count ends with "…". */
  if (n == 0)
    status = g_strdup (finished ? _("No matches") : _("Searching…"));
  else if (self->match_index >= 0)
    status = g_strdup_printf (finished ? _("%d of %u") : _("%d of %u…"), self->match_index + 1, n);
  else
    status = g_strdup_printf (finished ? g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n)
                                       : g_dngettext (GETTEXT_PACKAGE, "%u match…", "%u matches…", n), n);
  gtk_label_set_text (self->find_status, status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->find_status),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, status, -1);
}

static void
show_match (PdDocumentViewer *self,
            int               index)
{
  PopplerRectangle rect;
  int page;

  if (!pd_document_search_get_match (self->search, index, &page, &rect))
    return;
  self->match_index = index;
  self->match_page = page;
  pd_page_view_set_current_match (self->page_view, page, &rect);
  update_find_status (self);
}

static void
search_page_searched (PdDocumentSearch *search,
                      int               page,
                      int               n_found,
                      PdDocumentViewer *self)
{
  if (n_found == 0)
    return;
  /* Matches found before the current one shift its number. */
  if (self->match_index >= 0 && page < self->match_page)
    self->match_index += n_found;
  /* Searching starts at the reader's page, so this is the first after it. */
  if (self->land_on_match && self->match_index < 0)
    {
      self->land_on_match = FALSE;
      show_match (self, pd_document_search_find_from (search, page));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->page_view));
  update_find_status (self);
}

static void
search_finished (PdDocumentSearch *search,
                 PdDocumentViewer *self)
{
  update_find_status (self);
}

void
_pd_document_viewer_clear_search (PdDocumentViewer *self)
{
  if (self->search != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->search, self);
      g_clear_object (&self->search);
    }
  self->match_index = -1;
  self->match_page = -1;
  pd_page_view_set_matches (self->page_view, NULL);
  update_find_status (self);
}

static void
start_search (PdDocumentViewer *self,
              const char       *text)
{
  _pd_document_viewer_clear_search (self);
  if (self->document == NULL || text == NULL || *text == '\0')
    return;

  self->land_on_match = TRUE;
  self->search = pd_document_search_new (self->document, text, pd_page_view_get_page (self->page_view));
  g_signal_connect (self->search, "page-searched", G_CALLBACK (search_page_searched), self);
  g_signal_connect (self->search, "finished", G_CALLBACK (search_finished), self);
  pd_page_view_set_matches (self->page_view, pd_document_search_get_matches (self->search));
  update_find_status (self);
}

void
_pd_document_viewer_step_match (PdDocumentViewer *self,
            int               step)
{
  guint n;

  if (self->search == NULL)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));

      if (*text != '\0')
        start_search (self, text);
      return;
    }
  n = pd_document_search_get_n_matches (self->search);
  if (n == 0)
    return;
  if (self->match_index < 0)
    show_match (self, pd_document_search_find_from (self->search, pd_page_view_get_page (self->page_view)));
  else
    show_match (self, (self->match_index + step + (int) n) % (int) n);
}

void
_pd_document_viewer_on_find_changed (PdDocumentViewer *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));

  /* The entry says "changed" a moment after pd_document_viewer_find() set
   * its text and searched: the same search must not start again, or the
   * match the user has stepped to is lost. */
  if (self->search != NULL && g_strcmp0 (pd_document_search_get_text (self->search), text) == 0)
    return;
  start_search (self, text);
}

void
_pd_document_viewer_on_find_activate (PdDocumentViewer *self)
{
  _pd_document_viewer_step_match (self, 1);
}

void
_pd_document_viewer_on_find_next (PdDocumentViewer *self)
{
  _pd_document_viewer_step_match (self, 1);
}

void
_pd_document_viewer_on_find_previous (PdDocumentViewer *self)
{
  _pd_document_viewer_step_match (self, -1);
}

void
_pd_document_viewer_on_find_stop (PdDocumentViewer *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  _pd_document_viewer_clear_search (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->page_view));
}

/* Shift+Enter in the find entry goes back; GtkSearchEntry has no signal for it. */
gboolean
_pd_document_viewer_find_key_pressed (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  PdDocumentViewer      *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      _pd_document_viewer_step_match (self, -1);
      return TRUE;
    }
  return FALSE;
}

void
pd_document_viewer_find (PdDocumentViewer *self,
                         const char       *text)
{
  g_return_if_fail (PD_IS_DOCUMENT_VIEWER (self));

  if (self->document == NULL)
    {
      /* Opening (or asking for its password): find once it is open. */
      if (self->state == PD_DOCUMENT_VIEWER_LOADING || self->state == PD_DOCUMENT_VIEWER_PASSWORD)
        {
          g_free (self->pending_find);
          self->pending_find = g_strdup (text);
        }
      return;
    }
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  g_signal_handlers_block_by_func (self->find_entry, _pd_document_viewer_on_find_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), text ? text : "");
  g_signal_handlers_unblock_by_func (self->find_entry, _pd_document_viewer_on_find_changed, self);
  start_search (self, text);
}

/* Closing the find bar, by its button or Escape, takes the highlights away. */
void
_pd_document_viewer_search_mode_changed (PdDocumentViewer *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    _pd_document_viewer_clear_search (self);
}

