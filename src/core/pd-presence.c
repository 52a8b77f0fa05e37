/* pd-presence.c: who else has the database open, and what they are editing */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pd-database-private.h"
#include "pd-presence.h"

#define GROUP "Presence"

void
pd_presence_free (PdPresence *presence)
{
  if (presence == NULL)
    return;
  g_free (presence->login_name);
  g_free (presence->display_name);
  g_free (presence->machine);
  g_free (presence->since);
  g_free (presence->editing_entity);
  g_free (presence->editing_since);
  g_free (presence);
}

static char *
presence_dir (PdDatabase *db)
{
  return g_strconcat (pd_database_get_path (db), ".presence", NULL);
}

static char *
own_path (PdDatabase *db)
{
  g_autofree char *dir = presence_dir (db);

  return g_build_filename (dir, pd_database_get_client_id (db), NULL);
}

gboolean
pd_presence_announce (PdDatabase  *db,
                      const char  *entity,
                      gint64       id,
                      GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GKeyFile) before = g_key_file_new ();
  g_autofree char *dir = presence_dir (db);
  g_autofree char *path = own_path (db);
  g_autofree char *now = _pd_now_iso8601 ();
  g_autofree char *since = NULL;
  g_autofree char *editing_since = NULL;
  g_autofree char *data = NULL;
  const char *name = pd_database_get_user_display_name (db);

  g_return_val_if_fail (PD_IS_DATABASE (db), FALSE);

  /* Remembered for renewals, which say the same again. */
  g_object_set_data_full (G_OBJECT (db), "pd-presence-entity", g_strdup (entity), g_free);
  g_object_set_data (G_OBJECT (db), "pd-presence-id", GINT_TO_POINTER ((int) id));
  if (pd_database_is_read_only (db))
    return TRUE;   /* nowhere to say it; reading alone edits nothing */

  /* Kept from the last renewal: when this client came, and since when it
   * has been editing the same record. */
  if (g_key_file_load_from_file (before, path, G_KEY_FILE_NONE, NULL))
    {
      g_autofree char *old_entity = g_key_file_get_string (before, GROUP, "editing-entity", NULL);
      gint64 old_id = g_key_file_get_int64 (before, GROUP, "editing-id", NULL);

      since = g_key_file_get_string (before, GROUP, "since", NULL);
      if (entity != NULL && g_strcmp0 (old_entity, entity) == 0 && old_id == id)
        editing_since = g_key_file_get_string (before, GROUP, "editing-since", NULL);
    }

  g_key_file_set_string (file, GROUP, "login", pd_database_get_login_name (db));
  g_key_file_set_string (file, GROUP, "name", name != NULL && *name != '\0' ? name : pd_database_get_login_name (db));
  g_key_file_set_string (file, GROUP, "machine", g_get_host_name ());
  g_key_file_set_string (file, GROUP, "since", since != NULL ? since : now);
  if (entity != NULL)
    {
      g_key_file_set_string (file, GROUP, "editing-entity", entity);
      g_key_file_set_int64 (file, GROUP, "editing-id", id);
      g_key_file_set_string (file, GROUP, "editing-since", editing_since != NULL ? editing_since : now);
    }
  data = g_key_file_to_data (file, NULL, NULL);

  /* Only the presence folder itself is made: a share that has gone away must
   * not be recreated as an empty local folder where it was mounted. */
  if (g_mkdir (dir, 0755) != 0 && errno != EEXIST)
    {
      int saved = errno;

      g_set_error (error, PD_ERROR, PD_ERROR_IO, _("Could not say you are here: %s"), g_strerror (saved));
      return FALSE;
    }
  /* Written aside and renamed: another client never reads half a file. */
  return g_file_set_contents (path, data, -1, error);
}

gboolean
pd_presence_renew (PdDatabase *db)
{
  g_autofree char *entity = g_strdup (g_object_get_data (G_OBJECT (db), "pd-presence-entity"));
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (db), "pd-presence-id"));

  return pd_presence_announce (db, entity, id, NULL);
}

void
pd_presence_leave (PdDatabase *db)
{
  g_autofree char *path = NULL;

  g_return_if_fail (PD_IS_DATABASE (db));

  path = own_path (db);
  g_unlink (path);
}

static PdPresence *
read_presence (const char *path)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  PdPresence *presence;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  presence = g_new0 (PdPresence, 1);
  presence->login_name = g_key_file_get_string (file, GROUP, "login", NULL);
  presence->display_name = g_key_file_get_string (file, GROUP, "name", NULL);
  presence->machine = g_key_file_get_string (file, GROUP, "machine", NULL);
  presence->since = g_key_file_get_string (file, GROUP, "since", NULL);
  presence->editing_entity = g_key_file_get_string (file, GROUP, "editing-entity", NULL);
  presence->editing_id = g_key_file_get_int64 (file, GROUP, "editing-id", NULL);
  presence->editing_since = g_key_file_get_string (file, GROUP, "editing-since", NULL);
  if (presence->display_name == NULL)
    presence->display_name = g_strdup (presence->login_name != NULL ? presence->login_name : "?");
  return presence;
}

GPtrArray *
pd_presence_list_others (PdDatabase  *db,
                         GError     **error)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_presence_free);
  g_autofree char *dir_path = presence_dir (db);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &local_error);
  const char *name;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (PD_IS_DATABASE (db), NULL);

  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&others);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      PdPresence *presence;
      GStatBuf st;

      if (g_strcmp0 (name, pd_database_get_client_id (db)) == 0 || g_stat (path, &st) != 0 ||
          !S_ISREG (st.st_mode))
        continue;
      /* Not renewed: that client went away without saying so (a crash,
       * the network gone); its file is tidied away. */
      if (now - st.st_mtime > PD_PRESENCE_GONE_SECONDS)
        {
          g_unlink (path);
          continue;
        }
      presence = read_presence (path);
      if (presence != NULL)
        g_ptr_array_add (others, presence);
    }
  return g_steal_pointer (&others);
}

PdPresence *
pd_presence_find_editor (PdDatabase *db,
                         const char *entity,
                         gint64      id)
{
  g_autoptr(GPtrArray) others = pd_presence_list_others (db, NULL);

  for (guint i = 0; others != NULL && i < others->len; i++)
    {
      PdPresence *presence = g_ptr_array_index (others, i);

      if (g_strcmp0 (presence->editing_entity, entity) == 0 && presence->editing_id == id)
        return g_ptr_array_steal_index (others, i);
    }
  return NULL;
}
