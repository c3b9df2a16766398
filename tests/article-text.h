/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-article-text.h"
#include "dossier-model.h"

char *dossier_test_fold_article (DossierArticle *article);
