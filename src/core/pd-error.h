/* pd-error.h: the PD_ERROR domain, with messages a panel administrator understands */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PD_ERROR (pd_error_quark ())

typedef enum
{
  PD_ERROR_FAILED,
  PD_ERROR_NOT_FOUND,        /* the database file is not there */
  PD_ERROR_EXISTS,           /* a file is already where a new database should go */
  PD_ERROR_NOT_A_DATABASE,   /* not SQLite, or SQLite but not Panel Desk's */
  PD_ERROR_NEWER_SCHEMA,     /* made by a newer Panel Desk */
  PD_ERROR_READ_ONLY,        /* the file or its folder cannot be written */
  PD_ERROR_LOCKED,           /* another user held the write lock for too long */
  PD_ERROR_CORRUPT,          /* quick_check or SQLite found damage */
  PD_ERROR_IO,               /* the disk or the network share failed */
  PD_ERROR_FULL,             /* the disk is full */
  PD_ERROR_INVALID,          /* input that breaks a rule; the message says which */
  PD_ERROR_PERMISSION,       /* the user's role does not allow this */
  PD_ERROR_NO_RECORD,        /* the record asked for does not exist (any more) */
  PD_ERROR_CONFLICT,         /* someone else changed the record meanwhile */
  PD_ERROR_PASSPHRASE,       /* the passphrase does not open the signing key */
  PD_ERROR_KEY_MISSING,      /* the chair's key file is not in their key folder */
  PD_ERROR_KEY_CORRUPT,      /* the key file cannot be read as a Panel Desk key */
  PD_ERROR_KEY_MISMATCH,     /* the key file is not the key the database has for its owner */
  PD_ERROR_FILE_MISSING,     /* an attachment's file is not in the store */
  PD_ERROR_FILE_ALTERED,     /* an attachment's file no longer has its SHA-256 */
} PdError;

GQuark pd_error_quark (void);

G_END_DECLS
