/* pd-referral-csv.c: referrals to and from a spreadsheet (CSV, RFC 4180)
 *
 * Boards keep their referrals in Excel; moving to Panel Desk means a file
 * saved as CSV. The import is one transaction, so a bad row leaves the
 * database as it was and says which line to fix. Quoted fields may hold
 * commas, quotes ("") and line breaks; a byte-order mark (Excel writes
 * one) is skipped; lines may end in CRLF or LF.
 *
 * The columns are the whole record: the referral's own, one per field of
 * the form (pd-referral-field.h), "fact_KEY" per criteria fact (yes, no or
 * empty), "date_KEY" per key date, and "family" and "agencies" with one
 * entry per line inside the cell, its parts separated by "|" (written
 * "\|", "\\" and "\n" inside a part). An export adds, after those,
 * "criteria_outcome" and "due_CLOCK" per clock as of the day it is made;
 * an import ignores them, so an export imports back unchanged.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-database-private.h"
#include "pd-referral.h"
#include "pd-referral-csv.h"
#include "pd-referral-export.h"
#include "pd-referral-field.h"

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
  N_BASE_COLUMNS
} BaseColumn;

/* Named as the database names them, so the file explains itself. */
static const char *base_names[N_BASE_COLUMNS] = {
  "reference", "pseudonym", "child_name", "date_received", "date_of_incident",
  "referrer_name", "referrer_agency", "status", "framework", "next_deadline", "narrative",
};

typedef enum
{
  KIND_BASE,
  KIND_DETAIL,      /* a field of pd-referral-field.h */
  KIND_FACT,
  KIND_DATE,
  KIND_FAMILY,
  KIND_AGENCIES,
  KIND_DERIVED,     /* written by an export, ignored by an import */
} ColumnKind;

typedef struct
{
  char       *name;
  ColumnKind  kind;
  int         index;     /* BaseColumn, or the fact's PdCriteriaFactId */
  const char *key;       /* the field, date or clock key */
} ColumnDef;

/* The importable columns, in export order. */
static GPtrArray *
record_columns (void)
{
  static GPtrArray *columns;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      const PdReferralField *fields;
      const char *const *dates = pd_referral_date_keys ();
      guint n_fields;

      columns = g_ptr_array_new ();
#define ADD(n, k, i, key_) G_STMT_START { \
        ColumnDef *def = g_new0 (ColumnDef, 1); \
        def->name = (n); def->kind = (k); def->index = (i); def->key = (key_); \
        g_ptr_array_add (columns, def); } G_STMT_END
      for (int c = 0; c < N_BASE_COLUMNS; c++)
        ADD (g_strdup (base_names[c]), KIND_BASE, c, NULL);
      fields = pd_referral_fields_get (&n_fields);
      for (guint i = 0; i < n_fields; i++)
        ADD (g_strdup (fields[i].key), KIND_DETAIL, -1, fields[i].key);
      for (int f = 0; f < PD_CRITERIA_N_FACTS; f++)
        ADD (g_strconcat ("fact_", pd_criteria_fact_get_key (f), NULL), KIND_FACT, f, NULL);
      for (guint i = 0; dates[i] != NULL; i++)
        ADD (g_strconcat ("date_", dates[i], NULL), KIND_DATE, -1, dates[i]);
      ADD (g_strdup ("family"), KIND_FAMILY, -1, NULL);
      ADD (g_strdup ("agencies"), KIND_AGENCIES, -1, NULL);
#undef ADD
      g_once_init_leave (&once, 1);
    }
  return columns;
}

const char *
pd_referral_csv_header (void)
{
  static char *header;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      GPtrArray *columns = record_columns ();
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? "," : "", ((ColumnDef *) g_ptr_array_index (columns, i))->name);
      header = g_string_free (text, FALSE);
      g_once_init_leave (&once, 1);
    }
  return header;
}

/* A repeating section's cell: entries on lines, parts split by "|". */
static char *
encode_part (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    {
      if (*p == '|' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p != '\r')
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
append_entry (GString           *cell,
              const char *const *parts)
{
  if (cell->len > 0)
    g_string_append_c (cell, '\n');
  for (guint i = 0; parts[i] != NULL || i == 0; i++)
    {
      g_autofree char *part = NULL;

      if (parts[i] == NULL)
        break;
      part = encode_part (parts[i]);
      g_string_append_printf (cell, "%s%s", i > 0 ? "|" : "", part);
    }
}

/* Splits one cell into entries of @n_parts parts each; FALSE when an entry
 * has another number of parts. */
static GPtrArray *
decode_cell (const char *cell,
             guint       n_parts,
             GError    **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) lines = g_strsplit (cell, "\n", -1);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();
      g_autoptr(GString) part = g_string_new (NULL);
      const char *p = lines[l];

      g_strchomp (lines[l]);
      if (*p == '\0')
        continue;
      for (; *p != '\0'; p++)
        {
          if (*p == '\\' && p[1] != '\0')
            {
              p++;
              g_string_append_c (part, *p == 'n' ? '\n' : *p);
            }
          else if (*p == '|')
            {
              g_ptr_array_add (parts, g_strdup (part->str));
              g_string_truncate (part, 0);
            }
          else
            g_string_append_c (part, *p);
        }
      g_ptr_array_add (parts, g_strdup (part->str));
      if (parts->len != n_parts)
        {
          g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                       _("entry %u has %u parts separated by “|”, but needs %u"), l + 1, parts->len, n_parts);
          g_ptr_array_foreach (parts, (GFunc) (void (*) (void)) g_free, NULL);
          return NULL;
        }
      g_ptr_array_add (parts, NULL);
      g_ptr_array_add (entries, g_ptr_array_steal (parts, NULL));
    }
  return g_steal_pointer (&entries);
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
value_or_null (GPtrArray *fields,
               int        position)
{
  const char *value;

  if (position < 0)
    return NULL;
  value = g_ptr_array_index (fields, position);
  return value[0] != '\0' ? value : NULL;
}

/* Which column of the file each known column is in (-1: not there). */
typedef struct
{
  int        base[N_BASE_COLUMNS];
  GPtrArray *present;     /* ColumnDef * of the file's columns, in file order; NULL for derived */
} Layout;

static gboolean
read_header (GPtrArray  *fields,
             Layout     *layout,
             GError    **error)
{
  GPtrArray *columns = record_columns ();

  for (guint c = 0; c < N_BASE_COLUMNS; c++)
    layout->base[c] = -1;
  layout->present = g_ptr_array_new ();
  for (guint i = 0; i < fields->len; i++)
    {
      const char *name = g_strstrip ((char *) g_ptr_array_index (fields, i));
      ColumnDef *found = NULL;

      for (guint c = 0; c < columns->len && found == NULL; c++)
        if (g_ascii_strcasecmp (name, ((ColumnDef *) g_ptr_array_index (columns, c))->name) == 0)
          found = g_ptr_array_index (columns, c);
      if (found == NULL && (g_strcmp0 (name, "criteria_outcome") == 0 || g_str_has_prefix (name, "due_")))
        {
          /* Worked out by an export, as of its day: not stored, so not read. */
          g_ptr_array_add (layout->present, NULL);
          continue;
        }
      if (found == NULL)
        {
          g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                       _("line 1: “%s” is not a column Panel Desk knows; "
                         "`panel-desk-admin import-referrals --template` prints them all"),
                       name);
          return FALSE;
        }
      for (guint j = 0; j < layout->present->len; j++)
        if (g_ptr_array_index (layout->present, j) == found)
          {
            g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("line 1: the column “%s” is there twice"), name);
            return FALSE;
          }
      if (found->kind == KIND_BASE)
        layout->base[found->index] = i;
      g_ptr_array_add (layout->present, found);
    }
  if (layout->base[COLUMN_PSEUDONYM] < 0 || layout->base[COLUMN_DATE_RECEIVED] < 0)
    {
      g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                   _("line 1: the columns “pseudonym” and “date_received” are needed"));
      return FALSE;
    }
  return TRUE;
}

/* One row into @row and the tables it points to; FALSE with a message
 * (without the line number) when a value cannot be read. */
static gboolean
read_row (GPtrArray        *fields,
          Layout           *layout,
          PdReferralFields *row,
          GHashTable       *details,
          GHashTable       *dates,
          PdCriteriaFacts  *facts,
          GPtrArray        *members,
          GPtrArray        *agencies,
          GError          **error)
{
  gboolean any_detail = FALSE, any_fact = FALSE, any_date = FALSE, family = FALSE, agency_column = FALSE;

  row->reference = value_or_null (fields, layout->base[COLUMN_REFERENCE]);
  row->pseudonym = value_or_null (fields, layout->base[COLUMN_PSEUDONYM]);
  row->child_name = value_or_null (fields, layout->base[COLUMN_CHILD_NAME]);
  row->date_received = value_or_null (fields, layout->base[COLUMN_DATE_RECEIVED]);
  row->date_of_incident = value_or_null (fields, layout->base[COLUMN_DATE_OF_INCIDENT]);
  row->referrer_name = value_or_null (fields, layout->base[COLUMN_REFERRER_NAME]);
  row->referrer_agency = value_or_null (fields, layout->base[COLUMN_REFERRER_AGENCY]);
  row->status = value_or_null (fields, layout->base[COLUMN_STATUS]);
  row->framework = value_or_null (fields, layout->base[COLUMN_FRAMEWORK]);
  row->next_deadline = value_or_null (fields, layout->base[COLUMN_NEXT_DEADLINE]);
  row->narrative = value_or_null (fields, layout->base[COLUMN_NARRATIVE]);

  for (guint i = 0; i < layout->present->len; i++)
    {
      ColumnDef *def = g_ptr_array_index (layout->present, i);
      const char *value = g_ptr_array_index (fields, i);

      if (def == NULL)
        continue;
      switch (def->kind)
        {
        case KIND_DETAIL:
          g_hash_table_insert (details, (gpointer) def->key, (gpointer) value);
          any_detail = TRUE;
          break;
        case KIND_FACT:
          {
            PdFact fact = PD_FACT_UNKNOWN;

            if (*value != '\0' && !pd_fact_from_string (value, &fact))
              {
                g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                             _("%s must be yes, no or left empty, not “%s”"), def->name, value);
                return FALSE;
              }
            pd_criteria_facts_set (facts, def->index, fact);
            any_fact = TRUE;
          }
          break;
        case KIND_DATE:
          g_hash_table_insert (dates, (gpointer) def->key, (gpointer) value);
          any_date = TRUE;
          break;
        case KIND_FAMILY:
          {
            g_autoptr(GError) cell_error = NULL;
            g_autoptr(GPtrArray) entries = decode_cell (value, 3, &cell_error);

            if (entries == NULL)
              {
                g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("family: %s"), cell_error->message);
                return FALSE;
              }
            for (guint e = 0; e < entries->len; e++)
              {
                char **parts = g_ptr_array_index (entries, e);

                g_ptr_array_add (members, pd_referral_member_new (parts[0], parts[1], parts[2]));
              }
            family = TRUE;
          }
          break;
        case KIND_AGENCIES:
          {
            g_autoptr(GError) cell_error = NULL;
            g_autoptr(GPtrArray) entries = decode_cell (value, 6, &cell_error);

            if (entries == NULL)
              {
                g_set_error (error, PD_ERROR, PD_ERROR_INVALID, _("agencies: %s"), cell_error->message);
                return FALSE;
              }
            for (guint e = 0; e < entries->len; e++)
              {
                char **parts = g_ptr_array_index (entries, e);
                PdReferralAgency *agency = pd_referral_agency_new (parts[0], parts[1]);

                g_free (agency->still_involved);
                g_free (agency->requested_on);
                g_free (agency->due_on);
                g_free (agency->received_on);
                agency->still_involved = g_strdup (parts[2]);
                agency->requested_on = g_strdup (parts[3]);
                agency->due_on = g_strdup (parts[4]);
                agency->received_on = g_strdup (parts[5]);
                g_ptr_array_add (agencies, agency);
              }
            agency_column = TRUE;
          }
          break;
        case KIND_BASE:
        case KIND_DERIVED:
        default:
          break;
        }
    }

  row->details = any_detail ? details : NULL;
  row->facts = any_fact ? facts : NULL;
  row->dates = any_date ? dates : NULL;
  row->members = family ? members : NULL;
  row->agencies = agency_column ? agencies : NULL;
  return TRUE;
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
  Layout layout = { { 0 }, NULL };
  guint n_header, line;
  gboolean ok = FALSE;

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
  n_header = fields->len;
  if (!read_header (fields, &layout, error))
    goto out;

  for (;;)
    {
      g_autoptr(GError) row_error = NULL;
      g_autoptr(GHashTable) details = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) dates = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_referral_member_free);
      g_autoptr(GPtrArray) agencies = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_referral_agency_free);
      PdCriteriaFacts facts = { 0 };
      PdReferralFields row = { 0 };

      if (!read_record (&reader, fields, &line, &read_error))
        {
          /* The end of the file, or a row that cannot be read. */
          ok = read_error == NULL;
          if (!ok)
            g_propagate_error (error, g_steal_pointer (&read_error));
          goto out;
        }
      if (record_is_empty (fields))
        continue;
      if (fields->len != n_header)
        {
          g_set_error (error, PD_ERROR, PD_ERROR_INVALID,
                       _("line %u: %u fields, but the header has %u"), line, fields->len, n_header);
          goto out;
        }

      if (!read_row (fields, &layout, &row, details, dates, &facts, members, agencies, &row_error) ||
          pd_referral_insert (tx, &row, NULL, &row_error) == 0)
        {
          g_set_error (error, row_error->domain, row_error->code,
                       _("line %u: %s"), line, row_error->message);
          goto out;
        }
      import->n_imported++;
    }

out:
  g_clear_pointer (&layout.present, g_ptr_array_unref);
  return ok;
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

static void
append_record (GString            *out,
               PdReferral         *referral,
               PdReferralExporter *exporter)
{
  GPtrArray *columns = record_columns ();
  g_autoptr(GHashTable) due = pd_referral_exporter_due_dates (exporter, referral);
  const PdCriteriaFacts *facts = pd_referral_get_facts (referral);

  for (guint c = 0; c < columns->len; c++)
    {
      ColumnDef *def = g_ptr_array_index (columns, c);
      g_autoptr(GString) cell = g_string_new (NULL);

      if (c > 0)
        g_string_append_c (out, ',');
      switch (def->kind)
        {
        case KIND_BASE:
          {
            const char *values[N_BASE_COLUMNS] = {
              pd_referral_get_reference (referral), pd_referral_get_pseudonym (referral),
              pd_referral_get_child_name (referral), pd_referral_get_date_received (referral),
              pd_referral_get_date_of_incident (referral), pd_referral_get_referrer_name (referral),
              pd_referral_get_referrer_agency (referral), pd_referral_get_status (referral),
              pd_referral_get_framework (referral), pd_referral_get_next_deadline (referral),
              pd_referral_get_narrative (referral),
            };

            append_field (out, values[def->index]);
          }
          break;
        case KIND_DETAIL:
          append_field (out, pd_referral_get_detail (referral, def->key));
          break;
        case KIND_FACT:
          {
            PdFact fact = pd_criteria_facts_get (facts, def->index);

            append_field (out, fact == PD_FACT_UNKNOWN ? "" : pd_fact_to_string (fact));
          }
          break;
        case KIND_DATE:
          append_field (out, pd_referral_get_date (referral, def->key));
          break;
        case KIND_FAMILY:
          for (guint i = 0; i < pd_referral_get_members (referral)->len; i++)
            {
              PdReferralMember *m = g_ptr_array_index (pd_referral_get_members (referral), i);
              const char *parts[] = { m->name, m->relationship, m->legal_status, NULL };

              append_entry (cell, parts);
            }
          append_field (out, cell->str);
          break;
        case KIND_AGENCIES:
          for (guint i = 0; i < pd_referral_get_agencies (referral)->len; i++)
            {
              PdReferralAgency *a = g_ptr_array_index (pd_referral_get_agencies (referral), i);
              const char *parts[] = { a->agency, a->contact, a->still_involved, a->requested_on,
                                      a->due_on, a->received_on, NULL };

              append_entry (cell, parts);
            }
          append_field (out, cell->str);
          break;
        case KIND_DERIVED:
        default:
          break;
        }
    }

  /* Worked out as of today: the criteria check and each clock's due date. */
  g_string_append_c (out, ',');
  append_field (out, pd_referral_exporter_outcome (exporter, referral));
  for (guint i = 0; i < exporter->clock_ids->len; i++)
    {
      g_string_append_c (out, ',');
      append_field (out, g_hash_table_lookup (due, g_ptr_array_index (exporter->clock_ids, i)));
    }
  g_string_append (out, "\r\n");
}

gboolean
pd_referral_csv_export_to (PdDatabase         *db,
                           PdExportWriteFunc   write,
                           gpointer            user_data,
                           GError            **error)
{
  g_autoptr(PdReferralExporter) exporter = NULL;
  g_autoptr(GString) out = g_string_new (pd_referral_csv_header ());
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (PD_IS_DATABASE (db), FALSE);

  exporter = pd_referral_exporter_new (db, error);
  if (exporter == NULL || (ids = _pd_referral_export_ids (db, error)) == NULL)
    return FALSE;
  g_string_append (out, ",criteria_outcome");
  for (guint i = 0; i < exporter->clock_ids->len; i++)
    g_string_append_printf (out, ",due_%s", (const char *) g_ptr_array_index (exporter->clock_ids, i));
  g_string_append (out, "\r\n");

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(PdReferral) referral = pd_referral_load_record (db, g_array_index (ids, gint64, i), error);

      if (referral == NULL)
        return FALSE;
      append_record (out, referral, exporter);
      /* In pieces of about 256 KB: 100,000 referrals never sit in memory at once. */
      if (out->len >= 256 * 1024)
        {
          if (!write (out->str, out->len, user_data, error))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }
  return out->len == 0 || write (out->str, out->len, user_data, error);
}

char *
pd_referral_csv_export (PdDatabase  *db,
                        GError     **error)
{
  g_autoptr(GString) all = g_string_new (NULL);

  if (!pd_referral_csv_export_to (db, pd_export_write_to_string, all, error))
    return NULL;
  return g_string_free (g_steal_pointer (&all), FALSE);
}
