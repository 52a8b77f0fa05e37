/* pd-pack-page.c: the A4 page of the agenda pack and the minutes */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "pd-error.h"
#include "pd-pack-page-private.h"

void
_pd_pack_set_font (cairo_t  *cr,
                   double    size,
                   gboolean  bold)
{
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
}

static double
text_width (cairo_t     *cr,
            const char  *text)
{
  cairo_text_extents_t extents;

  cairo_text_extents (cr, text, &extents);
  return extents.x_advance;
}

char *
_pd_pack_fit (cairo_t     *cr,
              const char  *text,
              double       width)
{
  g_autoptr(GString) cut = NULL;
  const char *end;

  if (text_width (cr, text) <= width)
    return g_strdup (text);
  /* Drop characters from the end until the text and "…" fit. */
  cut = g_string_new (text);
  while (cut->len > 0)
    {
      g_autofree char *candidate = NULL;

      end = g_utf8_find_prev_char (cut->str, cut->str + cut->len);
      g_string_truncate (cut, end ? (gsize) (end - cut->str) : 0);
      candidate = g_strconcat (cut->str, "…", NULL);
      if (text_width (cr, candidate) <= width)
        return g_steal_pointer (&candidate);
    }
  return g_strdup ("…");
}

void
_pd_pack_show (cairo_t     *cr,
               double       x,
               double       y,
               const char  *text)
{
  cairo_move_to (cr, x, y);
  cairo_show_text (cr, text);
}

void
_pd_pack_draw_furniture (cairo_t     *cr,
                         const char  *header,
                         guint        page,
                         guint        n_pages)
{
  g_autofree char *number = NULL;
  g_autofree char *fitted = NULL;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  _pd_pack_set_font (cr, 9, TRUE);
  _pd_pack_show (cr, (PD_PACK_PAGE_WIDTH - text_width (cr, PD_PACK_MARKING)) / 2, 24, PD_PACK_MARKING);
  _pd_pack_show (cr, (PD_PACK_PAGE_WIDTH - text_width (cr, PD_PACK_MARKING)) / 2,
                 PD_PACK_PAGE_HEIGHT - 14, PD_PACK_MARKING);

  _pd_pack_set_font (cr, 8, FALSE);
  fitted = _pd_pack_fit (cr, header, PD_PACK_PAGE_WIDTH - 2 * PD_PACK_MARGIN);
  _pd_pack_show (cr, PD_PACK_MARGIN, 40, fitted);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, PD_PACK_MARGIN, 46);
  cairo_line_to (cr, PD_PACK_PAGE_WIDTH - PD_PACK_MARGIN, 46);
  cairo_stroke (cr);

  /* Translators: the footer of every page of an agenda pack or minutes. */
  number = g_strdup_printf (_("Page %u of %u"), page, n_pages);
  _pd_pack_set_font (cr, 9, FALSE);
  _pd_pack_show (cr, PD_PACK_PAGE_WIDTH - PD_PACK_MARGIN - text_width (cr, number),
                 PD_PACK_PAGE_HEIGHT - 26, number);
  cairo_restore (cr);
}

/* Appends @word's characters to lines of at most @width, for a word longer than a line. */
static void
break_long_word (cairo_t     *cr,
                 GPtrArray   *lines,
                 GString     *line,
                 const char  *word,
                 double       width)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize before = line->len;

      g_string_append_len (line, p, g_utf8_next_char (p) - p);
      if (text_width (cr, line->str) > width && before > 0)
        {
          g_ptr_array_add (lines, g_strndup (line->str, before));
          g_string_erase (line, 0, before);
        }
    }
}

char **
_pd_pack_wrap (cairo_t     *cr,
               const char  *text,
               double       width)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_auto(GStrv) paragraphs = g_strsplit (text ? text : "", "\n", -1);

  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      g_auto(GStrv) words = g_strsplit (paragraphs[p], " ", -1);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint w = 0; words[w] != NULL; w++)
        {
          gsize before = line->len;

          if (*words[w] == '\0')
            continue;
          if (line->len > 0)
            g_string_append_c (line, ' ');
          g_string_append (line, words[w]);
          if (text_width (cr, line->str) <= width)
            continue;
          /* Too wide: the word starts the next line. */
          g_string_truncate (line, before);
          if (line->len > 0)
            g_ptr_array_add (lines, g_strdup (line->str));
          g_string_truncate (line, 0);
          if (text_width (cr, words[w]) > width)
            break_long_word (cr, lines, line, words[w], width);
          else
            g_string_append (line, words[w]);
        }
      g_ptr_array_add (lines, g_strdup (line->str));
    }
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}

void
_pd_pack_flow_start (PdPackFlow *flow)
{
  flow->page = flow->first_page;
  flow->y = PD_PACK_TOP;
}

void
_pd_pack_flow_break (PdPackFlow *flow)
{
  if (!flow->measure)
    {
      _pd_pack_draw_furniture (flow->cr, flow->header, flow->page, flow->n_pages);
      cairo_show_page (flow->cr);
    }
  flow->page++;
  flow->y = PD_PACK_TOP;
}

void
_pd_pack_flow_need (PdPackFlow *flow,
                    double      height)
{
  if (flow->y + height > PD_PACK_BOTTOM && flow->y > PD_PACK_TOP)
    _pd_pack_flow_break (flow);
}

void
_pd_pack_flow_text (PdPackFlow  *flow,
                    const char  *text,
                    double       size,
                    gboolean     bold,
                    double       indent,
                    double       space_after)
{
  g_auto(GStrv) lines = NULL;
  double leading = size * 1.35;

  _pd_pack_set_font (flow->cr, size, bold);
  lines = _pd_pack_wrap (flow->cr, text, PD_PACK_PAGE_WIDTH - 2 * PD_PACK_MARGIN - indent);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      _pd_pack_flow_need (flow, leading);
      /* The font is chosen again after a page break drew the furniture. */
      _pd_pack_set_font (flow->cr, size, bold);
      flow->y += leading;
      if (!flow->measure)
        _pd_pack_show (flow->cr, PD_PACK_MARGIN + indent, flow->y, lines[i]);
    }
  flow->y += space_after;
}

void
_pd_pack_flow_finish (PdPackFlow *flow)
{
  if (!flow->measure)
    {
      _pd_pack_draw_furniture (flow->cr, flow->header, flow->page, flow->n_pages);
      cairo_show_page (flow->cr);
    }
}

/* The last occurrence of @needle in @haystack, or NULL. */
static const char *
find_last (const char  *haystack,
           gsize        length,
           const char  *needle)
{
  gsize n = strlen (needle);

  for (gsize i = length >= n ? length - n + 1 : 0; i-- > 0;)
    if (memcmp (haystack + i, needle, n) == 0)
      return haystack + i;
  return NULL;
}

gboolean
_pd_pack_label_pages (const char  *path,
                      GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GString) update = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *trailer_dict = NULL;
  const char *data, *trailer, *dict_start, *dict_end, *startxref, *catalog;
  guint64 labels_object = 0, prev_xref, object_offset;
  gsize length;
  FILE *file;

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_IO, _("The PDF %s could not be read back: %s"),
                   path, local_error->message);
      return FALSE;
    }
  data = g_mapped_file_get_contents (mapped);
  length = g_mapped_file_get_length (mapped);

  trailer = find_last (data, length, "trailer");
  startxref = find_last (data, length, "startxref");
  catalog = find_last (data, length, "/PageLabels ");
  if (trailer == NULL || startxref == NULL || catalog == NULL || startxref < trailer)
    return TRUE;  /* not the layout cairo writes: leave the file as it is */
  labels_object = g_ascii_strtoull (catalog + strlen ("/PageLabels "), NULL, 10);
  prev_xref = g_ascii_strtoull (startxref + strlen ("startxref"), NULL, 10);
  dict_start = strstr (trailer, "<<");
  dict_end = dict_start ? find_last (dict_start, startxref - dict_start, ">>") : NULL;
  if (labels_object == 0 || prev_xref == 0 || dict_start == NULL || dict_end == NULL)
    return TRUE;
  trailer_dict = g_strndup (dict_start + 2, dict_end - dict_start - 2);

  /* The labels: from the first page (index 0) on, decimal numbers from 1. */
  update = g_string_new ("\n");
  object_offset = length + update->len;
  g_string_append_printf (update, "%" G_GUINT64_FORMAT " 0 obj\n<< /Nums [ 0 << /S /D >> ] >>\nendobj\n",
                          labels_object);
  {
    guint64 xref_offset = length + update->len;

    g_string_append_printf (update, "xref\n%" G_GUINT64_FORMAT " 1\n%010" G_GUINT64_FORMAT " 00000 n \n",
                            labels_object, object_offset);
    g_string_append_printf (update, "trailer\n<<%s /Prev %" G_GUINT64_FORMAT " >>\nstartxref\n%"
                            G_GUINT64_FORMAT "\n%%%%EOF\n",
                            trailer_dict, prev_xref, xref_offset);
  }

  g_clear_pointer (&mapped, g_mapped_file_unref);
  file = g_fopen (path, "ab");
  if (file != NULL)
    {
      gboolean written = fwrite (update->str, 1, update->len, file) == update->len;

      if (fclose (file) != 0 || !written)
        file = NULL;
    }
  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, PD_ERROR, PD_ERROR_IO, _("The PDF %s could not be written: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
