/* pd-decision-print.c: the printable record of a decision, on paper or as a PDF
 *
 * An inspector's copy: one Pango layout holding the whole record, cut into
 * pages at line boundaries, so a long rationale flows on rather than being
 * clipped. The same drawing serves the print dialog and the PDF export.
 * The signature is checked again when the record is made, never copied
 * from what a page showed earlier.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "pd-format.h"
#include "pd-decision-print.h"

#define A4_WIDTH   595.0  /* points */
#define A4_HEIGHT  842.0
#define MARGIN      56.0

char *
pd_decision_print_format_criteria (const char *criteria_met)
{
  g_auto(GStrv) keys = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (criteria_met == NULL || *criteria_met == '\0')
    return g_strdup (_("None found met"));
  keys = g_strsplit (criteria_met, ",", -1);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      int fact = pd_criteria_fact_from_key (keys[i]);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, fact >= 0 ? pd_criteria_fact_get_label (fact) : keys[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_heading (GString    *markup,
             const char *heading)
{
  g_autofree char *escaped = g_markup_escape_text (heading, -1);

  g_string_append_printf (markup, "\n<span size='large' weight='bold'>%s</span>\n", escaped);
}

static void
add_field (GString    *markup,
           const char *title,
           const char *value)
{
  g_autofree char *t = g_markup_escape_text (title, -1);
  g_autofree char *v = g_markup_escape_text (value != NULL && *value != '\0' ? value : "—", -1);

  g_string_append_printf (markup, "<b>%s:</b> %s\n", t, v);
}

static void
add_record (GString    *markup,
            PdDecision *decision)
{
  g_autofree char *made_at = pd_format_date_time (pd_decision_get_made_at (decision));
  g_autofree char *criteria = pd_decision_print_format_criteria (pd_decision_get_criteria_met (decision));
  const char *outcome = pd_decision_get_outcome (decision);

  add_field (markup, _("Outcome"), pd_decision_outcome_to_label (outcome));
  if (g_strcmp0 (outcome, "other_review") == 0)
    add_field (markup, _("Alternative review"), pd_decision_get_alternative_review (decision));
  if (g_strcmp0 (outcome, "deferred") == 0)
    {
      g_autofree char *by = pd_format_date (pd_decision_get_awaited_by (decision));

      add_field (markup, _("Awaiting"), pd_decision_get_awaited (decision));
      add_field (markup, _("Awaited by"), by);
    }
  add_field (markup, _("Made by"), pd_decision_get_made_by_name (decision));
  add_field (markup, _("Made on"), made_at);
  add_field (markup, _("Criteria found met"), criteria);
  if (*pd_decision_get_departure_reason (decision) != '\0')
    add_field (markup, _("Departure from the criteria check"), pd_decision_get_departure_reason (decision));
  add_field (markup, _("Rationale"), pd_decision_get_rationale (decision));
}

static void
add_signature (GString    *markup,
               PdDatabase *db,
               PdDecision *decision)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdSignatureCheck) check = pd_signing_verify_decision (db, pd_decision_get_id (decision), &error);
  g_autofree char *fingerprint = NULL;
  g_autofree char *at = NULL;
  const char *raw;

  add_heading (markup, _("Signature"));
  if (check == NULL)
    {
      add_field (markup, _("State"), error->message);
      return;
    }
  add_field (markup, _("State"), pd_signature_state_to_label (check->state));
  if (check->message != NULL)
    add_field (markup, _("Why"), check->message);
  if (!pd_decision_is_signed (decision))
    return;
  at = pd_format_date_time (pd_decision_get_signed_at (decision));
  raw = check->fingerprint != NULL ? check->fingerprint : pd_decision_get_key_fingerprint (decision);
  fingerprint = raw != NULL ? pd_signing_format_fingerprint (raw) : NULL;
  add_field (markup, _("Signed by"), pd_decision_get_signed_by_name (decision));
  add_field (markup, _("Signed on"), at);
  add_field (markup, _("Key fingerprint"), fingerprint);
  if (raw != NULL)
    {
      g_autofree char *title = g_markup_escape_text (_("Full fingerprint"), -1);

      /* Small and fixed-width, so the 64 digits stay on one line to compare. */
      g_string_append_printf (markup, "<b>%s:</b> <span font_family='monospace' size='small'>%s</span>\n",
                              title, raw);
    }
}

char *
pd_decision_print_dup_markup (PdDatabase  *db,
                              gint64       id,
                              GError     **error)
{
  g_autoptr(PdDecision) decision = pd_decision_load (db, id, error);
  g_autoptr(GString) markup = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *title = NULL, *escaped = NULL, *printed = NULL;
  gint64 supersedes, superseded_by;

  if (decision == NULL)
    return NULL;

  markup = g_string_new (NULL);
  /* Translators: the printed record's title, e.g. "Decision 12 on PRP-2026-014" */
  title = g_strdup_printf (_("%s %" G_GINT64_FORMAT " on %s"),
                           pd_decision_kind_to_label (pd_decision_get_kind (decision)), id,
                           pd_decision_get_referral_reference (decision));
  escaped = g_markup_escape_text (title, -1);
  g_string_append_printf (markup, "<span size='x-large' weight='bold'>%s</span>\n", escaped);
  add_field (markup, _("Child"), pd_decision_get_pseudonym (decision));
  add_field (markup, _("Record"), pd_decision_kind_to_label (pd_decision_get_kind (decision)));

  add_heading (markup, g_strcmp0 (pd_decision_get_kind (decision), "decision") == 0
                       ? _("Chair’s Decision") : _("Panel Recommendation"));
  add_record (markup, decision);

  if (g_strcmp0 (pd_decision_get_kind (decision), "decision") == 0)
    {
      g_autoptr(GArray) ids = pd_decision_log_list_for_referral (db, pd_decision_get_referral_id (decision),
                                                                 "recommendation", NULL);
      g_autoptr(PdDecision) recommendation = ids != NULL && ids->len > 0
                                             ? pd_decision_load (db, g_array_index (ids, gint64, 0), NULL) : NULL;

      add_heading (markup, _("Panel Recommendation"));
      if (recommendation != NULL)
        add_record (markup, recommendation);
      else
        add_field (markup, _("Outcome"), _("No recommendation recorded"));

      if (pd_decision_needs_national_panel_notice (decision))
        {
          const char *on = pd_decision_get_national_panel_notified_on (decision);
          g_autofree char *date = on != NULL ? pd_format_date (on) : NULL;

          add_heading (markup, _("National Panel"));
          add_field (markup, _("Notified"), date != NULL ? date : _("Not yet notified"));
        }
      add_signature (markup, db, decision);
    }

  supersedes = pd_decision_get_supersedes_id (decision);
  superseded_by = pd_decision_get_superseded_by (decision);
  if (supersedes != 0 || superseded_by != 0)
    {
      add_heading (markup, _("Supersession History"));
      if (supersedes != 0)
        {
          /* Translators: e.g. "Decision 11, because: new information from the police" */
          g_autofree char *text = g_strdup_printf (_("Decision %" G_GINT64_FORMAT ", because: %s"), supersedes,
                                                   pd_decision_get_supersede_reason (decision));

          add_field (markup, _("Supersedes"), text);
        }
      if (superseded_by != 0)
        {
          g_autoptr(PdDecision) newer = pd_decision_load (db, superseded_by, NULL);
          g_autofree char *text = g_strdup_printf (_("Decision %" G_GINT64_FORMAT ", because: %s"), superseded_by,
                                                   newer != NULL ? pd_decision_get_supersede_reason (newer) : "—");

          add_field (markup, _("Superseded by"), text);
        }
    }

  now = g_date_time_new_now_utc ();
  {
    g_autofree char *iso = g_date_time_format_iso8601 (now);

    printed = pd_format_date_time (iso);
  }
  g_string_append_c (markup, '\n');
  add_field (markup, _("Printed"), printed);
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* ------------------------------------------------------------ drawing */

typedef struct
{
  PangoLayout *layout;
  GArray      *page_starts;  /* int: the index of each page's first line */
  double       height;       /* of a page's printable area, in points */
} Pages;

static void
pages_clear (Pages *pages)
{
  g_clear_object (&pages->layout);
  g_clear_pointer (&pages->page_starts, g_array_unref);
}

/* Lays the record out at @width and cuts it into pages of @height. */
static void
pages_layout (Pages                *pages,
              PangoContext         *context,
              const char           *markup,
              double                width,
              double                height)
{
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");
  PangoLayoutIter *iter;
  double page_top = 0;
  int line = 0;

  pages->layout = pango_layout_new (context);
  pages->height = height;
  pango_layout_set_font_description (pages->layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (pages->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (pages->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (pages->layout, markup, -1);

  pages->page_starts = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_val (pages->page_starts, line);
  iter = pango_layout_get_iter (pages->layout);
  do
    {
      PangoRectangle logical;
      double bottom, top;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      if (bottom - page_top > height && line > g_array_index (pages->page_starts, int, pages->page_starts->len - 1))
        {
          g_array_append_val (pages->page_starts, line);
          page_top = top;
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* Draws page @page_nr's lines with the page's top-left at the origin. */
static void
pages_draw (Pages   *pages,
            cairo_t *cr,
            int      page_nr)
{
  int first = g_array_index (pages->page_starts, int, page_nr);
  int end = (guint) page_nr + 1 < pages->page_starts->len
            ? g_array_index (pages->page_starts, int, page_nr + 1) : G_MAXINT;
  PangoLayoutIter *iter = pango_layout_get_iter (pages->layout);
  double page_top = -1;
  int line = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  do
    {
      if (line >= first && line < end)
        {
          PangoRectangle logical;
          int baseline = pango_layout_iter_get_baseline (iter);

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          if (page_top < 0)
            page_top = (double) logical.y / PANGO_SCALE;
          cairo_move_to (cr, (double) logical.x / PANGO_SCALE, (double) baseline / PANGO_SCALE - page_top);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (line < end && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

gboolean
pd_decision_print_to_pdf (PdDatabase  *db,
                          gint64       id,
                          const char  *path,
                          GError     **error)
{
  g_autofree char *markup = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Pages pages = { 0 };

  g_return_val_if_fail (PD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  markup = pd_decision_print_dup_markup (db, id, error);
  if (markup == NULL)
    return FALSE;

  surface = cairo_pdf_surface_create (path, A4_WIDTH, A4_HEIGHT);
  cr = cairo_create (surface);
  {
    PangoContext *context = pango_cairo_create_context (cr);

    pages_layout (&pages, context, markup, A4_WIDTH - 2 * MARGIN, A4_HEIGHT - 2 * MARGIN);
    g_object_unref (context);
  }
  for (guint i = 0; i < pages.page_starts->len; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, MARGIN, MARGIN);
      pages_draw (&pages, cr, i);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  pages_clear (&pages);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* Translators: %s is a file path, the second %s why it failed */
      g_set_error (error, PD_ERROR, PD_ERROR_IO, _("The PDF could not be written to %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------ printing */

typedef struct
{
  char  *markup;
  Pages  pages;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  pages_clear (&job->pages);
  g_free (job->markup);
  g_free (job);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);

  pages_clear (&job->pages);
  pages_layout (&job->pages, pango, job->markup,
                gtk_print_context_get_width (context), gtk_print_context_get_height (context));
  g_object_unref (pango);
  gtk_print_operation_set_n_pages (operation, job->pages.page_starts->len);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  pages_draw (&job->pages, gtk_print_context_get_cairo_context (context), page_nr);
}

gboolean
pd_decision_print_run (GtkWindow   *parent,
                       PdDatabase  *db,
                       gint64       id,
                       GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *name = NULL;
  PrintJob *job;

  g_return_val_if_fail (PD_IS_DATABASE (db), FALSE);

  job = g_new0 (PrintJob, 1);
  job->markup = pd_decision_print_dup_markup (db, id, error);
  if (job->markup == NULL)
    {
      print_job_free (job);
      return FALSE;
    }
  operation = gtk_print_operation_new ();
  /* Translators: the print job's name, e.g. "Decision 12" */
  name = g_strdup_printf (_("Decision %" G_GINT64_FORMAT), id);
  gtk_print_operation_set_job_name (operation, name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_object_set_data_full (G_OBJECT (operation), "pd-print-job", job, (GDestroyNotify) print_job_free);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}
