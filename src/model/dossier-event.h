/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * DossierEvent: something that happened, on a (partial) date, with the
 * entities involved and the sources that report it.
 */
#pragma once

#include <gio/gio.h>

#include "dossier-date.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_EVENT_CATEGORY_RELEASE,
  DOSSIER_EVENT_CATEGORY_MARKET,
  DOSSIER_EVENT_CATEGORY_REACTION,
  DOSSIER_EVENT_CATEGORY_INVESTMENT,
  DOSSIER_EVENT_CATEGORY_POLICY,
  DOSSIER_EVENT_CATEGORY_COMPANY,
  DOSSIER_N_EVENT_CATEGORIES
} DossierEventCategory;

#define DOSSIER_TYPE_EVENT_CATEGORY (dossier_event_category_get_type ())
GType                 dossier_event_category_get_type    (void) G_GNUC_CONST;

const char           *dossier_event_category_to_string   (DossierEventCategory  category);
const char           *dossier_event_category_get_label   (DossierEventCategory  category);
gboolean              dossier_event_category_from_string (const char           *str,
                                                          DossierEventCategory *category);

#define DOSSIER_TYPE_EVENT (dossier_event_get_type ())

G_DECLARE_FINAL_TYPE (DossierEvent, dossier_event, DOSSIER, EVENT, GObject)

const char           *dossier_event_get_id       (DossierEvent *self);
const char           *dossier_event_get_title    (DossierEvent *self);
const char           *dossier_event_get_summary  (DossierEvent *self);
DossierEventCategory  dossier_event_get_category (DossierEvent *self);
const DossierDate    *dossier_event_get_date     (DossierEvent *self);
GListModel           *dossier_event_get_entities (DossierEvent *self);
GListModel           *dossier_event_get_sources  (DossierEvent *self);

G_END_DECLS
