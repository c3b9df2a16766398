/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a load is doing, in order */
typedef enum
{
  DOSSIER_LOAD_STEP_READING,    /* reading the file */
  DOSSIER_LOAD_STEP_CHECKING,   /* checking its syntax and encoding */
  DOSSIER_LOAD_STEP_ITEMS,      /* reading articles, events, entities… */
  DOSSIER_LOAD_STEP_INDEXING,   /* finding mentions, building indexes */
} DossierLoadStep;

typedef struct _DossierLoadProgress DossierLoadProgress;

#define DOSSIER_TYPE_LOAD_PROGRESS (dossier_load_progress_get_type ())

GType                dossier_load_progress_get_type     (void) G_GNUC_CONST;
DossierLoadProgress *dossier_load_progress_new          (void);
DossierLoadProgress *dossier_load_progress_ref          (DossierLoadProgress *self);
void                 dossier_load_progress_unref        (DossierLoadProgress *self);
void                 dossier_load_progress_report       (DossierLoadProgress *self,
                                                         DossierLoadStep      step,
                                                         double               step_fraction);
double               dossier_load_progress_get_fraction (DossierLoadProgress *self);
DossierLoadStep      dossier_load_progress_get_step     (DossierLoadProgress *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierLoadProgress, dossier_load_progress_unref)

G_END_DECLS
