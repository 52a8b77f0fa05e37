/* pd-core.h: everything of the core, for the UI, the CLI and the tests */
#pragma once

#include "pd-calendar.h"
#include "pd-clocks.h"
#include "pd-criteria.h"
#include "pd-database.h"
#include "pd-decision.h"
#include "pd-document.h"
#include "pd-error.h"
#include "pd-filesystem.h"
#include "pd-meeting.h"
#include "pd-meeting-ics.h"
#include "pd-person.h"
#include "pd-record-list.h"
#include "pd-referral.h"
#include "pd-referral-field.h"
#include "pd-referral-csv.h"
#include "pd-referral-search.h"
