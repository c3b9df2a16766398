/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * DossierDate: a partial date as the dossier format writes it ("2025",
 * "2025-01" or "2025-01-20"), with the precision the text gave and a flag
 * for fuzzy dates.  Years run from 0001 to 9999; a date must exist, so
 * "2025-02-30" and "2023-02-29" are refused.  Immutable; copy to keep.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_DATE_PRECISION_YEAR = 1,
  DOSSIER_DATE_PRECISION_MONTH,
  DOSSIER_DATE_PRECISION_DAY,
} DossierDatePrecision;

#define DOSSIER_DATE_ERROR (dossier_date_error_quark ())

typedef enum
{
  DOSSIER_DATE_ERROR_INVALID,
} DossierDateError;

#define DOSSIER_TYPE_DATE (dossier_date_get_type ())

typedef struct _DossierDate DossierDate;

GType                dossier_date_get_type       (void) G_GNUC_CONST;
GQuark               dossier_date_error_quark    (void);

DossierDate         *dossier_date_parse          (const char        *text,
                                                  gboolean           approximate,
                                                  GError           **error);
DossierDate         *dossier_date_new            (int                year,
                                                  int                month,
                                                  int                day,
                                                  gboolean           approximate);
DossierDate         *dossier_date_copy           (const DossierDate *date);
void                 dossier_date_free           (DossierDate       *date);

int                  dossier_date_get_year       (const DossierDate *date);
int                  dossier_date_get_month      (const DossierDate *date);
int                  dossier_date_get_day        (const DossierDate *date);
DossierDatePrecision dossier_date_get_precision  (const DossierDate *date);
gboolean             dossier_date_is_approximate (const DossierDate *date);

int                  dossier_date_compare        (const DossierDate *a,
                                                  const DossierDate *b);
gboolean             dossier_date_equal          (const DossierDate *a,
                                                  const DossierDate *b);

GDateTime           *dossier_date_get_start      (const DossierDate *date);
GDateTime           *dossier_date_get_end        (const DossierDate *date);

char                *dossier_date_format         (const DossierDate *date);
char                *dossier_date_to_iso         (const DossierDate *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierDate, dossier_date_free)

G_END_DECLS
