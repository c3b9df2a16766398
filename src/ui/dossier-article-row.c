/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-article-row.h"
#include "dossier-row-label.h"

/* One article in the list: its title (or, without a headline, its first
 * sentence, said so), "outlet · author · date" with each unknown part
 * named as unknown, a two-line excerpt, and what it feeds.
 *
 * Rows are bound and rebound as a search narrows and widens the list, so
 * binding is cheap: the texts of an article are made once and kept with
 * it, a label whose text does not change is not laid out again, and the
 * row stacks its labels itself, measuring them only for their height at
 * the row's width (a box would also measure each label's natural width,
 * laying out its whole text once more, for a width the list does not
 * use: the list pane's width is set by its own size request). */
struct _DossierArticleRow
{
  GtkWidget parent_instance;

  DossierArticle *article;

  GtkLabel *kicker_label;
  DossierRowLabel *title_label;
  DossierRowLabel *byline_label;
  DossierRowLabel *excerpt_label;
  DossierRowLabel *counts_label;
};

G_DEFINE_FINAL_TYPE (DossierArticleRow, dossier_article_row, GTK_TYPE_WIDGET)

/* Enough text for two lines at any width the list takes; laying out a
 * whole paragraph only to ellipsize it would cost on every bind. */
#define EXCERPT_MAX_CHARS 260

/* Pixels between the labels */
#define ROW_SPACING 3

/* The texts a row shows for an article, made the first time it is shown
 * and kept with the article (which never changes) for every later bind. */
typedef struct
{
  char *byline;
  char *excerpt;
  char *counts;
} RowTexts;

static void
row_texts_free (gpointer data)
{
  RowTexts *texts = data;

  g_free (texts->byline);
  g_free (texts->excerpt);
  g_free (texts->counts);
  g_free (texts);
}

char *
dossier_article_row_format_byline (DossierArticle *article)
{
  const char *outlet, *author;
  const DossierDate *published;
  g_autofree char *date = NULL;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), NULL);

  outlet = dossier_article_get_outlet (article);
  author = dossier_article_get_author (article);
  published = dossier_article_get_published (article);
  date = published != NULL ? dossier_date_format (published) : NULL;

  /* Translators: an article's byline, "outlet · author · date" */
  return g_strdup_printf (_("%s · %s · %s"),
                          outlet != NULL ? outlet : _("Unknown outlet"),
                          author != NULL ? author : _("Unknown author"),
                          date != NULL ? date : _("Unknown date"));
}

char *
dossier_article_row_format_counts (guint n_entities,
                                   guint n_events)
{
  g_autofree char *entities = NULL;
  g_autofree char *events = NULL;

  /* Translators: how many events of the dossier cite this article */
  events = g_strdup_printf (ngettext ("%u event", "%u events", n_events), n_events);
  /* Translators: how many entities this article mentions */
  entities = g_strdup_printf (ngettext ("%u entity", "%u entities", n_entities), n_entities);

  /* Translators: "3 events · 5 entities" under an article in the list */
  return g_strdup_printf (_("%s · %s"), events, entities);
}

/* Where the text after the first sentence starts, for an article whose
 * first sentence already stands in for the title. */
static const char *
skip_first_sentence (const char *text,
                     const char *display_title)
{
  g_autofree char *prefix = g_strdup (display_title);
  gsize len = strlen (prefix);
  gboolean truncated = FALSE;

  /* The model shortens a long first sentence with an ellipsis. */
  if (g_str_has_suffix (prefix, "…"))
    len -= strlen ("…"), truncated = TRUE;
  else if (g_str_has_suffix (prefix, "..."))
    len -= 3, truncated = TRUE;
  prefix[len] = '\0';

  if (len == 0 || !g_str_has_prefix (text, prefix))
    return text;

  text += len;
  if (truncated)
    {
      /* Skip the rest of the sentence too. */
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        if ((*p == '.' || *p == '!' || *p == '?') && (p[1] == ' ' || p[1] == '\0'))
          return p + 1;
      return text + strlen (text);
    }

  return text;
}

static char *
make_excerpt (DossierArticle *article)
{
  const char * const *body;
  guint n_paragraphs = 0;
  gboolean skip_sentence;

  body = dossier_article_get_body (article, &n_paragraphs);
  skip_sentence = !dossier_article_has_title (article);

  for (guint i = 0; i < n_paragraphs; i++)
    {
      const char *text = body[i];
      const char *end;

      if (i == 0 && skip_sentence)
        text = skip_first_sentence (text, dossier_article_get_display_title (article));
      while (*text != '\0' && g_unichar_isspace (g_utf8_get_char (text)))
        text = g_utf8_next_char (text);
      if (*text == '\0')
        continue;

      end = text;
      for (guint n = 0; *end != '\0' && n < EXCERPT_MAX_CHARS; n++)
        end = g_utf8_next_char (end);

      if (*end == '\0')
        return g_strdup (text);
      return g_strdup_printf ("%.*s…", (int) (end - text), text);
    }

  return g_strdup ("");
}

static const RowTexts *
get_row_texts (DossierStore   *store,
               DossierArticle *article)
{
  static GQuark quark;
  RowTexts *texts;
  guint n_entities = 0, n_events = 0;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("dossier-article-row-texts");

  /* The counts depend on the store; an article belongs to one. */
  texts = g_object_get_qdata (G_OBJECT (article), quark);
  if (texts != NULL && (texts->counts != NULL || store == NULL))
    return texts;

  if (texts == NULL)
    {
      texts = g_new0 (RowTexts, 1);
      texts->byline = dossier_article_row_format_byline (article);
      texts->excerpt = make_excerpt (article);
      g_object_set_qdata_full (G_OBJECT (article), quark, texts, row_texts_free);
    }

  if (store != NULL)
    {
      GListModel *entities = dossier_store_get_article_entities (store, article);
      GListModel *events = dossier_store_get_article_events (store, article);

      n_entities = entities != NULL ? g_list_model_get_n_items (entities) : 0;
      n_events = events != NULL ? g_list_model_get_n_items (events) : 0;
      texts->counts = dossier_article_row_format_counts (n_entities, n_events);
    }

  return texts;
}

static GtkSizeRequestMode
dossier_article_row_get_request_mode (GtkWidget *widget)
{
  /* Wrapped labels: the height depends on the width */
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
dossier_article_row_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  int min = 0, nat = 0;
  guint n_visible = 0;

  /* Across, the labels ellipsize and the list gives the row its width:
   * nothing to ask them. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = 0;
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, for_size, &child_min, &child_nat, NULL, NULL);
      min += child_min;
      nat += child_nat;
      n_visible++;
    }
  if (n_visible > 1)
    {
      min += ROW_SPACING * (n_visible - 1);
      nat += ROW_SPACING * (n_visible - 1);
    }

  *minimum = min;
  *natural = nat;
}

static void
dossier_article_row_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_min, &child_nat, NULL, NULL);
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_nat }, -1);
      y += child_nat + ROW_SPACING;
    }
}

static void
dossier_article_row_dispose (GObject *object)
{
  DossierArticleRow *self = DOSSIER_ARTICLE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_ARTICLE_ROW);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (dossier_article_row_parent_class)->dispose (object);
}

static void
dossier_article_row_class_init (DossierArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_article_row_dispose;
  widget_class->get_request_mode = dossier_article_row_get_request_mode;
  widget_class->measure = dossier_article_row_measure;
  widget_class->size_allocate = dossier_article_row_size_allocate;

  g_type_ensure (DOSSIER_TYPE_ROW_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/dossier-article-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierArticleRow, kicker_label);
  gtk_widget_class_bind_template_child (widget_class, DossierArticleRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DossierArticleRow, byline_label);
  gtk_widget_class_bind_template_child (widget_class, DossierArticleRow, excerpt_label);
  gtk_widget_class_bind_template_child (widget_class, DossierArticleRow, counts_label);
}

static void
dossier_article_row_init (DossierArticleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_article_row_new (void)
{
  return g_object_new (DOSSIER_TYPE_ARTICLE_ROW, NULL);
}

DossierArticle *
dossier_article_row_get_article (DossierArticleRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_ROW (self), NULL);

  return self->article;
}

/**
 * dossier_article_row_set_article:
 * @store: (nullable): the store @article is in, for its counts
 * @article: (nullable): the article to show, or %NULL when the row is
 *   unbound
 *
 * An unbound row keeps its texts: bound again to the same article, it has
 * nothing to lay out.
 */
void
dossier_article_row_set_article (DossierArticleRow *self,
                                 DossierStore      *store,
                                 DossierArticle    *article)
{
  const RowTexts *texts;
  gboolean has_title;

  g_return_if_fail (DOSSIER_IS_ARTICLE_ROW (self));
  g_return_if_fail (store == NULL || DOSSIER_IS_STORE (store));
  g_return_if_fail (article == NULL || DOSSIER_IS_ARTICLE (article));

  if (!g_set_object (&self->article, article) || article == NULL)
    return;

  texts = get_row_texts (store, article);
  has_title = dossier_article_has_title (article);

  /* A label given the text it has already is left alone.  A first
   * sentence shown for want of a headline is drawn as a headline is: the
   * kicker above it says what it is, and a face of its own would cost the
   * first frame a font. */
  gtk_widget_set_visible (GTK_WIDGET (self->kicker_label), !has_title);
  dossier_row_label_set_text (self->title_label, dossier_article_get_display_title (article));
  dossier_row_label_set_text (self->byline_label, texts->byline);
  dossier_row_label_set_text (self->excerpt_label, texts->excerpt);
  gtk_widget_set_visible (GTK_WIDGET (self->excerpt_label), texts->excerpt[0] != '\0');
  if (texts->counts != NULL)
    dossier_row_label_set_text (self->counts_label, texts->counts);
  else
    {
      static char *no_counts;

      /* Without a store, nothing is known to cite or be mentioned in it */
      if (no_counts == NULL)
        no_counts = dossier_article_row_format_counts (0, 0);
      dossier_row_label_set_text (self->counts_label, no_counts);
    }
}

/**
 * dossier_article_row_clear:
 *
 * Shows no article, and lets go of the texts, whose layouts are kept a
 * while for the rows that show them next (see dossier-row-label.c): as a
 * search is typed, the articles on screen move from row to row.
 */
void
dossier_article_row_clear (DossierArticleRow *self)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE_ROW (self));

  g_clear_object (&self->article);
  dossier_row_label_set_text (self->title_label, NULL);
  dossier_row_label_set_text (self->byline_label, NULL);
  dossier_row_label_set_text (self->excerpt_label, NULL);
  dossier_row_label_set_text (self->counts_label, NULL);
}
