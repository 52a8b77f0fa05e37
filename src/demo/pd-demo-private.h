/* pd-demo-private.h: what the demo's passes share */
#pragma once

#include "pd-core.h"
#include "pd-demo.h"
#include "pd-signing-private.h"

G_BEGIN_DECLS

typedef struct
{
  guint        n_referrals;
  GRand       *rand;
  GDate        anchor;
  guint        span_days;
  PdDemoProgressFunc progress;
  gpointer     progress_data;
  GCancellable *cancellable;

  gint64       chair_id;
  const char  *chair_login;
  gint64       admin_id;
  GArray      *member_ids;      /* gint64 */

  /* Filled as referrals go in, read by the meetings pass. */
  GArray      *referral_ids;    /* gint64, oldest first */
  GArray      *referral_days;   /* guint: days before the anchor it was received */
  GPtrArray   *pseudonyms;
  GPtrArray   *outcomes;        /* const char *: what the panel will recommend */

  guint        next;            /* the next referral of the batch */
  GPtrArray   *papers;
  GArray      *full_set_ids;    /* gint64: the documents of the oldest case, for the newest agenda */

  PdSigningKey *chair_key;      /* the demo chair's, opened with PD_DEMO_CHAIR_PASSPHRASE */
  char         *key_dir;
  GPtrArray    *receipts;       /* PdSignatureReceipt, for the demo chair's key folder */
} Demo;

/* Decisions made in the last four weeks before the anchor await signature. */
#define AWAITING_SIGNATURE_DAYS 30

/* The day @days_before the anchor ("2026-11-16"); negative for days after it. */
char     *_pd_demo_day_text          (Demo           *demo,
                                      int             days_before);
/* That day at @time, as ISO 8601 UTC. */
char     *_pd_demo_moment_text       (Demo           *demo,
                                      int             days_before,
                                      const char     *time);
/* Records @person_id as the maker of decision @decision_id, audited. */
gboolean  _pd_demo_set_made_by       (PdTransaction  *tx,
                                      gint64          decision_id,
                                      gint64          person_id,
                                      GError        **error);
/* The demo chair's key, made on first use with PD_DEMO_CHAIR_PASSPHRASE. */
gboolean  _pd_demo_open_chair_key    (Demo           *demo,
                                      const char     *chair_login,
                                      GError        **error);
/* Signs the decisions older than AWAITING_SIGNATURE_DAYS and supersedes the last. */
gboolean  _pd_demo_write_signatures  (PdTransaction  *tx,
                                      gpointer        user_data,
                                      GError        **error);

G_END_DECLS
