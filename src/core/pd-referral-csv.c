/* pd-referral-csv.c: referrals to and from a spreadsheet (CSV, RFC 4180)
 *
 * Boards keep their referrals in Excel; moving to Panel Desk means a file
 * saved as CSV. The import is one transaction, so a bad row leaves the
 * database as it was and says which line to fix. Quoted fields may hold
 * commas, quotes ("") and line breaks; a byte-order mark (Excel writes
 * one) is skipped; lines may end in CRLF or LF.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-database-private.h"
#include "pd-referral.h"
#include "pd-referral-csv.h"

typedef enum
{
  COLUMN_REFERENCE,
  COLUMN_PSEUDONYM,
  COLUMN_CHILD_NAME,
  COLUMN_DATE_RECEIVED,
  COLUMN_DATE_OF_INCIDENT,
  COLUMN_REFERRER_NAME,
  COLUMN_REFERRER_AGENCY,
  COLUMN_STATUS,
  COLUMN_FRAMEWORK,
  COLUMN_NEXT_DEADLINE,
  COLUMN_NARRATIVE,
  N_COLUMNS
} Column;

/* Named as the database names them, so the file explains itself. */
static const char *column_names[N_COLUMNS] = {
  "reference", "pseudonym", "child_name", "date_received", "date_of_incident",
  "referrer_name", "referrer_agency", "status", "framework", "next_deadline", "narrative",
};

const char *
pd_referral_csv_header (void)
{
  return "reference,pseudonym,child_name,date_received,date_of_incident,"
         "referrer_name,referrer_agency,status,framework,next_deadline,narrative";
}

/* ----------------------------------------------------------------- reading */

typedef struct
{
  const char *p;
  const char *end;
  guint       line;       /* the line the reader is on, from 1 */
} Reader;

/* Reads one record into @fields; FALSE at the end of the text. @record_line
 * gets the line it starts on. A field quoted but never closed, or a quote
 * in the middle of an unquoted field, is an error. */
static gboolean
read_record (Reader     *reader,
             GPtrArray  *fields,
             guint      *record_line,
             GError    **error)
{
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE, in_quotes = FALSE;

  g_ptr_array_set_size (fields, 0);
  *record_line = reader->line;
  if (reader->p >= reader->end)
    return FALSE;

  while (reader->p < reader->end)
    {
      char c = *reader->p++;

      if (in_quotes)
        {
          if (c == '"' && reader->p < reader->end && *reader->p == '"')
            {
              g_string_append_c (field, '"');
              reader->p++;
            }
          else if (c == '"')
            in_quotes = FALSE;
          else
            {
              if (c == '\n')
                reader->line++;
              g_string_append_c (field, c);
            }
          continue;
        }

      if (c == '"' && field->len == 0 && !quoted)
        {
          quoted = in_quotes = TRUE;
          continue;
        }
      if (c == '"' || (quoted && c != ',' && c != '\r' && c != '\n'))
        {
          g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                       _("line %u: a quote in the middle of a field; put the whole field in quotes and double the quotes inside it"),
                       reader->line);
          return FALSE;
        }
      if (c == ',')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          quoted = FALSE;
          continue;
        }
      if (c == '\r' && reader->p < reader->end && *reader->p == '\n')
        continue;
      if (c == '\n' || c == '\r')
        {
          reader->line++;
          break;
        }
      g_string_append_c (field, c);
    }

  if (in_quotes)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("line %u: a quoted field is never closed"), *record_line);
      return FALSE;
    }
  g_ptr_array_add (fields, g_strdup (field->str));
  return TRUE;
}

static gboolean
record_is_empty (GPtrArray *fields)
{
  return fields->len == 1 && ((const char *) g_ptr_array_index (fields, 0))[0] == '\0';
}

typedef struct
{
  const char *csv;
  gsize       length;
  guint       n_imported;
} Import;

static const char *
field_or_null (GPtrArray *fields,
               const int *positions,
               Column     column)
{
  const char *value;

  if (positions[column] < 0)
    return NULL;
  value = g_ptr_array_index (fields, positions[column]);
  return value[0] != '\0' ? value : NULL;
}

static gboolean
import_rows (PdTransaction  *tx,
             gpointer        user_data,
             GError        **error)
{
  Import *import = user_data;
  Reader reader = { import->csv, import->csv + import->length, 1 };
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) read_error = NULL;
  int positions[N_COLUMNS];
  guint n_header, line;

  /* Excel's UTF-8 byte-order mark. */
  if (import->length >= 3 && memcmp (import->csv, "\xEF\xBB\xBF", 3) == 0)
    reader.p += 3;

  if (!g_utf8_validate (reader.p, reader.end - reader.p, NULL))
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("The file is not UTF-8 text; save it from the spreadsheet as “CSV UTF-8”."));
      return FALSE;
    }

  if (!read_record (&reader, fields, &line, &read_error))
    {
      if (read_error != NULL)
        g_propagate_error (error, g_steal_pointer (&read_error));
      else
        g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("The file is empty; it needs a header line."));
      return FALSE;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    positions[c] = -1;
  n_header = fields->len;
  for (guint i = 0; i < fields->len; i++)
    {
      const char *name = g_strstrip ((char *) g_ptr_array_index (fields, i));
      guint c;

      for (c = 0; c < N_COLUMNS; c++)
        if (g_ascii_strcasecmp (name, column_names[c]) == 0)
          break;
      if (c == N_COLUMNS)
        {
          g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                       _("line 1: “%s” is not a column Panel Desk knows; the columns are: %s"),
                       name, pd_referral_csv_header ());
          return FALSE;
        }
      if (positions[c] >= 0)
        {
          g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("line 1: the column “%s” is there twice"), name);
          return FALSE;
        }
      positions[c] = i;
    }
  if (positions[COLUMN_PSEUDONYM] < 0 || positions[COLUMN_DATE_RECEIVED] < 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("line 1: the columns “pseudonym” and “date_received” are needed"));
      return FALSE;
    }

  for (;;)
    {
      g_autoptr(GError) row_error = NULL;
      PdReferralFields row = { 0 };

      if (!read_record (&reader, fields, &line, &read_error))
        {
          /* The end of the file, or a row that cannot be read. */
          if (read_error == NULL)
            return TRUE;
          g_propagate_error (error, g_steal_pointer (&read_error));
          return FALSE;
        }
      if (record_is_empty (fields))
        continue;
      if (fields->len != n_header)
        {
          g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                       _("line %u: %u fields, but the header has %u"), line, fields->len, n_header);
          return FALSE;
        }

      row.reference = field_or_null (fields, positions, COLUMN_REFERENCE);
      row.pseudonym = field_or_null (fields, positions, COLUMN_PSEUDONYM);
      row.child_name = field_or_null (fields, positions, COLUMN_CHILD_NAME);
      row.date_received = field_or_null (fields, positions, COLUMN_DATE_RECEIVED);
      row.date_of_incident = field_or_null (fields, positions, COLUMN_DATE_OF_INCIDENT);
      row.referrer_name = field_or_null (fields, positions, COLUMN_REFERRER_NAME);
      row.referrer_agency = field_or_null (fields, positions, COLUMN_REFERRER_AGENCY);
      row.status = field_or_null (fields, positions, COLUMN_STATUS);
      row.framework = field_or_null (fields, positions, COLUMN_FRAMEWORK);
      row.next_deadline = field_or_null (fields, positions, COLUMN_NEXT_DEADLINE);
      row.narrative = field_or_null (fields, positions, COLUMN_NARRATIVE);

      if (pd_referral_insert (tx, &row, NULL, &row_error) == 0)
        {
          g_set_error (error, row_error->domain, row_error->code,
                       _("line %u: %s"), line, row_error->message);
          return FALSE;
        }
      import->n_imported++;
    }
}

gboolean
pd_referral_csv_import (PdDatabase  *db,
                        const char  *csv,
                        gsize        length,
                        guint       *out_n_imported,
                        GError     **error)
{
  Import import = { csv, length, 0 };

  g_return_val_if_fail (PD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (csv != NULL, FALSE);

  if (!pd_database_write (db, "Import referrals from CSV", import_rows, &import, NULL, error))
    return FALSE;
  if (out_n_imported != NULL)
    *out_n_imported = import.n_imported;
  return TRUE;
}

/* ----------------------------------------------------------------- writing */

static void
append_field (GString    *out,
              const char *value)
{
  if (value == NULL)
    value = "";
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
pd_referral_csv_export (PdDatabase  *db,
                        GError     **error)
{
  g_autoptr(GString) out = g_string_new (pd_referral_csv_header ());
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  g_string_append (out, "\r\n");
  stmt = _pd_database_prepare (db,
                               "SELECT reference, pseudonym, child_name, date_received, date_of_incident, "
                               "       referrer_name, referrer_agency, status, framework, next_deadline, "
                               "       narrative "
                               "FROM referrals ORDER BY year, sequence;",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int c = 0; c < N_COLUMNS; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_field (out, (const char *) sqlite3_column_text (stmt, c));
        }
      g_string_append (out, "\r\n");
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pd_database_fail (db, rc, error);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
