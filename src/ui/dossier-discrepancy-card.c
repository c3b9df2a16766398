/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-discrepancy-card.h"
#include "dossier-discrepancy-claims-layout.h"

/* One discrepancy as a card: its topic, the competing claims side by side
 * (or stacked when narrow), each with its value, the articles that make it
 * and their quoted passages as buttons that open the article at the
 * passage (win.show-source), and what the public record shows when the
 * dossier has a resolution.  The card is focusable and labelled with the
 * topic, so keyboard and screen reader users land on it before its
 * quotes. */

struct _DossierDiscrepancyCard
{
  GtkWidget parent_instance;

  DossierDiscrepancy *discrepancy;
  gboolean highlighted;

  GtkLabel *topic_label;
  GtkLabel *summary_label;
  GtkWidget *status_box;
  GtkImage *status_icon;
  GtkLabel *status_label;
  GtkWidget *claims_box;
  GtkWidget *resolution_box;
  GtkLabel *resolution_label;
  GtkWidget *references_box;
};

G_DEFINE_FINAL_TYPE (DossierDiscrepancyCard, dossier_discrepancy_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DISCREPANCY,
  PROP_HIGHLIGHTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Only web links leave the app, and only when the user clicks one: a
 * dossier is untrusted, and a file: or custom-scheme URL could start
 * anything. */
static char *
web_link_host (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme, *host;

  if (url == NULL)
    return NULL;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return NULL;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (scheme == NULL || host == NULL || host[0] == '\0' ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return NULL;
  return g_strdup (host);
}

static const char *
article_outlet (DossierArticle *article)
{
  const char *outlet = dossier_article_get_outlet (article);

  /* Translators: shown in place of the outlet of an article the dossier
   * does not know the publisher of */
  return outlet != NULL ? outlet : _("Unknown outlet");
}

static GtkWidget *
article_origin_new (DossierArticle *article)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *outlet = wrapped_label (article_outlet (article), "caption-heading");
  GtkWidget *title = wrapped_label (dossier_article_get_display_title (article), "caption");

  if (dossier_article_get_outlet (article) == NULL)
    gtk_widget_add_css_class (outlet, "discrepancy-unknown");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_box_append (GTK_BOX (box), outlet);
  gtk_box_append (GTK_BOX (box), title);
  return box;
}

static GtkWidget *
quote_button_new (DossierSource *source)
{
  DossierArticle *article = dossier_source_get_article (source);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label, *icon;
  g_autofree char *quoted = NULL;
  g_autofree char *accessible = NULL;

  g_assert (article != NULL);

  /* Translators: a verbatim passage of an article, in quotation marks */
  quoted = g_strdup_printf (_("“%s”"), dossier_source_get_quote (source));
  label = wrapped_label (quoted, "discrepancy-quote-text");
  gtk_widget_set_hexpand (label, TRUE);
  icon = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), icon);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "discrepancy-quote");
  gtk_widget_set_tooltip_text (button, _("Open the article at this passage"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-source");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sutt)",
                                    dossier_article_get_id (article),
                                    dossier_source_get_paragraph (source),
                                    (guint64) dossier_source_get_offset (source),
                                    (guint64) dossier_source_get_length (source));

  /* Translators: accessible name of a quote button; the first %s is the
   * quoted passage (already in quotation marks), the second the outlet,
   * the third the article title */
  accessible = g_strdup_printf (_("%s, in %s, “%s”. Opens the article at this passage."),
                                quoted, article_outlet (article), dossier_article_get_display_title (article));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return button;
}

static GtkWidget *
reference_new (DossierSource *source)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading, *text;
  g_autofree char *host = web_link_host (dossier_source_get_url (source));
  g_autofree char *accessible = NULL;

  gtk_widget_add_css_class (box, "discrepancy-reference");

  /* Translators: label of a source that is not an article of the dossier
   * but a published reference (a report, an announcement, a record) */
  heading = wrapped_label (_("Public record"), "caption-heading");
  text = wrapped_label (dossier_source_get_reference (source), NULL);
  gtk_label_set_selectable (GTK_LABEL (text), FALSE);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), text);

  /* Translators: accessible description of a public-record reference; %s is its text */
  accessible = g_strdup_printf (_("Public record: %s"), dossier_source_get_reference (source));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  if (host != NULL)
    {
      /* GtkLinkButton opens the page with gtk_show_uri() when clicked, and
       * only then. */
      GtkWidget *link = gtk_link_button_new_with_label (dossier_source_get_url (source), host);
      g_autofree char *link_label = NULL;

      gtk_widget_set_halign (link, GTK_ALIGN_START);
      gtk_widget_add_css_class (link, "discrepancy-link");
      gtk_widget_set_tooltip_text (link, dossier_source_get_url (source));
      /* Translators: accessible name of a link to a reference; %s is a web site, e.g. "arxiv.org" */
      link_label = g_strdup_printf (_("Open %s in the web browser"), host);
      gtk_accessible_update_property (GTK_ACCESSIBLE (link), GTK_ACCESSIBLE_PROPERTY_LABEL, link_label, -1);
      gtk_box_append (GTK_BOX (box), link);
    }

  return box;
}

/* Appends the sources of a claim or a resolution: the quotes grouped by
 * article, in the order the articles first appear, then the references. */
static guint
append_sources (GtkBox     *box,
                GListModel *sources)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (sources);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);
      DossierArticle *article = dossier_source_get_article (source);

      if (article != NULL && !g_ptr_array_find (articles, article, NULL))
        g_ptr_array_add (articles, article);
    }

  for (guint a = 0; a < articles->len; a++)
    {
      GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_widget_add_css_class (group, "discrepancy-article");
      gtk_box_append (GTK_BOX (group), article_origin_new (articles->pdata[a]));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);

          if (dossier_source_get_article (source) == articles->pdata[a])
            gtk_box_append (GTK_BOX (group), quote_button_new (source));
        }
      gtk_box_append (box, group);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);

      if (dossier_source_is_reference (source))
        gtk_box_append (box, reference_new (source));
    }

  return articles->len;
}

static GtkWidget *
claim_column_new (DossierClaim *claim,
                  guint         index,
                  guint         n_claims)
{
  GtkWidget *column = g_object_new (GTK_TYPE_BOX,
                                    "orientation", GTK_ORIENTATION_VERTICAL,
                                    "spacing", 8,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                    NULL);
  GtkWidget *header, *value, *count;
  g_autofree char *header_text = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *count_text = NULL;
  guint n_articles;

  gtk_widget_add_css_class (column, "discrepancy-claim");

  /* Translators: heading of one of the competing claims of a discrepancy,
   * numbered from 1 */
  header_text = g_strdup_printf (_("Claim %u"), index + 1);
  header = wrapped_label (header_text, "caption-heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_box_append (GTK_BOX (column), header);

  value = wrapped_label (dossier_claim_get_value (claim), "discrepancy-value");
  gtk_box_append (GTK_BOX (column), value);

  count = wrapped_label (NULL, "caption");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_box_append (GTK_BOX (column), count);

  n_articles = append_sources (GTK_BOX (column), dossier_claim_get_sources (claim));
  if (n_articles > 0)
    /* Translators: under the value of a claim: how many articles make it */
    count_text = g_strdup_printf (ngettext ("Stated in %u article", "Stated in %u articles", n_articles), n_articles);
  else
    /* Translators: under the value of a claim that no article makes, only
     * published references */
    count_text = g_strdup (_("From the public record only"));
  gtk_label_set_text (GTK_LABEL (count), count_text);

  /* Translators: accessible name of one claim of a discrepancy: "Claim 1
   * of 2: About $6 million. Stated in 2 articles" */
  accessible = g_strdup_printf (_("Claim %u of %u: %s. %s"), index + 1, n_claims,
                                dossier_claim_get_value (claim), count_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (column), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return column;
}

static guint
count_claim_articles (GListModel *claims)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(DossierClaim) claim = g_list_model_get_item (claims, i);
      GListModel *sources = dossier_claim_get_sources (claim);

      for (guint j = 0; j < g_list_model_get_n_items (sources); j++)
        {
          g_autoptr(DossierSource) source = g_list_model_get_item (sources, j);
          DossierArticle *article = dossier_source_get_article (source);

          if (article != NULL && !g_ptr_array_find (articles, article, NULL))
            g_ptr_array_add (articles, article);
        }
    }

  return articles->len;
}

static void
dossier_discrepancy_card_build (DossierDiscrepancyCard *self)
{
  DossierDiscrepancy *discrepancy = self->discrepancy;
  GListModel *claims = dossier_discrepancy_get_claims (discrepancy);
  const char *resolution = dossier_discrepancy_get_resolution_summary (discrepancy);
  GListModel *resolution_sources = dossier_discrepancy_get_resolution_sources (discrepancy);
  guint n_claims = g_list_model_get_n_items (claims);
  guint n_articles = count_claim_articles (claims);
  gboolean resolved = resolution != NULL || g_list_model_get_n_items (resolution_sources) > 0;
  g_autofree char *claims_text = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  const char *status, *status_tooltip;

  gtk_label_set_text (self->topic_label, dossier_discrepancy_get_topic (discrepancy));

  /* Translators: part of the summary of a discrepancy */
  claims_text = g_strdup_printf (ngettext ("%u competing claim", "%u competing claims", n_claims), n_claims);
  if (n_articles > 0)
    {
      /* Translators: part of the summary of a discrepancy: how many
       * articles the claims are quoted from */
      g_autofree char *articles_text = g_strdup_printf (ngettext ("quoted from %u article",
                                                                  "quoted from %u articles",
                                                                  n_articles), n_articles);

      /* Translators: joins the two parts of the summary of a discrepancy,
       * e.g. "2 competing claims · quoted from 3 articles" */
      summary = g_strdup_printf (_("%s · %s"), claims_text, articles_text);
    }
  else
    summary = g_strdup (claims_text);
  gtk_label_set_text (self->summary_label, summary);

  if (resolved)
    {
      /* Translators: status of a discrepancy that the public record settles */
      status = _("Resolved");
      status_tooltip = _("The public record shows which claim holds");
      gtk_image_set_from_icon_name (self->status_icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (self->status_box, "resolved");
    }
  else
    {
      /* Translators: status of a discrepancy that nothing in the dossier settles */
      status = _("Unresolved");
      status_tooltip = _("Nothing in this dossier shows which claim holds");
      /* No icon: the question-mark icons read like a broken character. */
      gtk_widget_set_visible (GTK_WIDGET (self->status_icon), FALSE);
      gtk_widget_add_css_class (self->status_box, "unresolved");
    }
  gtk_label_set_text (self->status_label, status);
  gtk_widget_set_tooltip_text (self->status_box, status_tooltip);

  for (guint i = 0; i < n_claims; i++)
    {
      g_autoptr(DossierClaim) claim = g_list_model_get_item (claims, i);

      gtk_box_append (GTK_BOX (self->claims_box), claim_column_new (claim, i, n_claims));
    }

  if (resolved)
    {
      gtk_widget_set_visible (self->resolution_box, TRUE);
      gtk_label_set_text (self->resolution_label, resolution != NULL ? resolution : "");
      gtk_widget_set_visible (GTK_WIDGET (self->resolution_label), resolution != NULL);
      append_sources (GTK_BOX (self->references_box), resolution_sources);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->resolution_box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("What the public record shows"),
                                      -1);
    }

  /* Translators: accessible description of a discrepancy card; the first
   * %s is its summary ("2 competing claims · quoted from 3 articles"), the
   * second its status ("Resolved" or "Unresolved") */
  description = g_strdup_printf (_("Discrepancy: %s. %s."), summary, status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dossier_discrepancy_get_topic (discrepancy),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
dossier_discrepancy_card_constructed (GObject *object)
{
  DossierDiscrepancyCard *self = DOSSIER_DISCREPANCY_CARD (object);

  G_OBJECT_CLASS (dossier_discrepancy_card_parent_class)->constructed (object);

  g_return_if_fail (self->discrepancy != NULL);
  dossier_discrepancy_card_build (self);
}

static void
dossier_discrepancy_card_dispose (GObject *object)
{
  DossierDiscrepancyCard *self = DOSSIER_DISCREPANCY_CARD (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_DISCREPANCY_CARD);
  /* The header row is not a bound template child */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->discrepancy);

  G_OBJECT_CLASS (dossier_discrepancy_card_parent_class)->dispose (object);
}

static void
dossier_discrepancy_card_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  DossierDiscrepancyCard *self = DOSSIER_DISCREPANCY_CARD (object);

  switch (prop_id)
    {
    case PROP_DISCREPANCY:
      g_value_set_object (value, self->discrepancy);
      break;
    case PROP_HIGHLIGHTED:
      g_value_set_boolean (value, self->highlighted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_discrepancy_card_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  DossierDiscrepancyCard *self = DOSSIER_DISCREPANCY_CARD (object);

  switch (prop_id)
    {
    case PROP_DISCREPANCY:
      self->discrepancy = g_value_dup_object (value);
      break;
    case PROP_HIGHLIGHTED:
      dossier_discrepancy_card_set_highlighted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_discrepancy_card_class_init (DossierDiscrepancyCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dossier_discrepancy_card_constructed;
  object_class->dispose = dossier_discrepancy_card_dispose;
  object_class->get_property = dossier_discrepancy_card_get_property;
  object_class->set_property = dossier_discrepancy_card_set_property;

  properties[PROP_DISCREPANCY] =
    g_param_spec_object ("discrepancy", NULL, NULL, DOSSIER_TYPE_DISCREPANCY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHLIGHTED] =
    g_param_spec_boolean ("highlighted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_DISCREPANCY_CLAIMS_LAYOUT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/dossier-discrepancy-card.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierDiscrepancyCard, topic_label);
  gtk_widget_class_bind_template_child (widget_class, DossierDiscrepancyCard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DossierDiscrepancyCard, status_box);
  gtk_widget_class_bind_template_child (widget_class, DossierDiscrepancyCard, status_icon);
  gtk_widget_class_bind_template_child (widget_class, DossierDiscrepancyCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, DossierDiscrepancyCard, claims_box);
  gtk_widget_class_bind_template_child (widget_class, DossierDiscrepancyCard, resolution_box);
  gtk_widget_class_bind_template_child (widget_class, DossierDiscrepancyCard, resolution_label);
  gtk_widget_class_bind_template_child (widget_class, DossierDiscrepancyCard, references_box);
  gtk_widget_class_set_css_name (widget_class, "dossier-discrepancy-card");
}

static void
dossier_discrepancy_card_init (DossierDiscrepancyCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * dossier_discrepancy_card_new:
 * @discrepancy: the discrepancy to show
 *
 * A card for one discrepancy.  Its quotes activate `win.show-source`, so
 * it must live below a widget that has the window's actions.
 *
 * Returns: (transfer floating): the card
 */
GtkWidget *
dossier_discrepancy_card_new (DossierDiscrepancy *discrepancy)
{
  g_return_val_if_fail (DOSSIER_IS_DISCREPANCY (discrepancy), NULL);

  return g_object_new (DOSSIER_TYPE_DISCREPANCY_CARD, "discrepancy", discrepancy, NULL);
}

DossierDiscrepancy *
dossier_discrepancy_card_get_discrepancy (DossierDiscrepancyCard *self)
{
  g_return_val_if_fail (DOSSIER_IS_DISCREPANCY_CARD (self), NULL);

  return self->discrepancy;
}

gboolean
dossier_discrepancy_card_get_highlighted (DossierDiscrepancyCard *self)
{
  g_return_val_if_fail (DOSSIER_IS_DISCREPANCY_CARD (self), FALSE);

  return self->highlighted;
}

/* The card shown on request (dossier_discrepancies_view_show()) gets a
 * thicker outline, a shape and not only a colour. */
void
dossier_discrepancy_card_set_highlighted (DossierDiscrepancyCard *self,
                                          gboolean                highlighted)
{
  g_return_if_fail (DOSSIER_IS_DISCREPANCY_CARD (self));

  highlighted = !!highlighted;
  if (self->highlighted == highlighted)
    return;

  self->highlighted = highlighted;
  if (highlighted)
    gtk_widget_add_css_class (GTK_WIDGET (self), "highlighted");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "highlighted");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED]);
}
