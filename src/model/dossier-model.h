/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The model: everything a view may include, and no GTK. */
#pragma once

#include "dossier-article.h"
#include "dossier-claim.h"
#include "dossier-date.h"
#include "dossier-discrepancy.h"
#include "dossier-entity.h"
#include "dossier-event.h"
#include "dossier-load-progress.h"
#include "dossier-mention.h"
#include "dossier-problem.h"
#include "dossier-relation.h"
#include "dossier-source.h"
#include "dossier-store.h"
#include "dossier-validate.h"
