/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DossierLoadProgress: how far a load running in a worker thread has got,
 * written by the loader and read by the window's progress bar from the
 * main thread.  Only two integers, read and written atomically. */

#include "dossier-load-progress.h"

struct _DossierLoadProgress
{
  gint step;            /* DossierLoadStep */
  gint permille;        /* of the whole load, never decreasing */
};

/* Where each step starts and ends in the whole load, in ‰: measured
 * shares of a 10,000-article load (99 MB: reading the file 60 ms,
 * checking it 90–120 ms, reading the items 1.0–1.1 s, finding mentions
 * and indexing 0.4 s) */
static const gint step_start[] = { 0, 40, 110, 760 };
static const gint step_end[] = { 40, 110, 760, 1000 };

G_DEFINE_BOXED_TYPE (DossierLoadProgress, dossier_load_progress,
                     dossier_load_progress_ref, dossier_load_progress_unref)

DossierLoadProgress *
dossier_load_progress_new (void)
{
  return g_atomic_rc_box_new0 (DossierLoadProgress);
}

DossierLoadProgress *
dossier_load_progress_ref (DossierLoadProgress *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
dossier_load_progress_unref (DossierLoadProgress *self)
{
  g_atomic_rc_box_release (self);
}

/**
 * dossier_load_progress_report:
 * @step_fraction: how much of @step is done, from 0 to 1
 *
 * Called from the thread that loads.
 */
void
dossier_load_progress_report (DossierLoadProgress *self,
                              DossierLoadStep      step,
                              double               step_fraction)
{
  gint permille;

  g_return_if_fail (step <= DOSSIER_LOAD_STEP_INDEXING);

  step_fraction = CLAMP (step_fraction, 0.0, 1.0);
  permille = step_start[step] + (gint) ((step_end[step] - step_start[step]) * step_fraction);
  g_atomic_int_set (&self->step, step);
  if (permille > g_atomic_int_get (&self->permille))
    g_atomic_int_set (&self->permille, permille);
}

/* How much of the whole load is done, from 0 to 1 */
double
dossier_load_progress_get_fraction (DossierLoadProgress *self)
{
  return g_atomic_int_get (&self->permille) / 1000.0;
}

DossierLoadStep
dossier_load_progress_get_step (DossierLoadProgress *self)
{
  return g_atomic_int_get (&self->step);
}
