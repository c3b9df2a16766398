/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unusual but valid dossiers open in the window, and every view shows
 * either its content or an empty state that says why it is empty: no
 * events, no relations, one article, an entity with no relations, no
 * articles at all, events all on one day, ten thousand entities with the
 * same name.  G_DEBUG=fatal-criticals turns any critical into a failure. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "dossier-test-utils.h"

static const char * const views[] = { "articles", "timeline", "relationships", "discrepancies" };

/* The views' empty states (the reading pane's "No Article Open" is not one:
 * it shows until an article is chosen) */
static const char * const empty_states[] = {
  "No Articles", "No Matching Articles", "No Events", "No Entities", "Nothing to Show", "No Discrepancies",
};

typedef struct
{
  const char *name;
  char *json;
  /* Per view: the title of the status page it must show, or NULL when it
   * must show its content (no status page at all) */
  const char *empty_state[G_N_ELEMENTS (views)];
} Case;

#define HEAD "{ \"format\": \"dossier/1\", \"id\": \"unusual\", \"title\": \"Unusual\", "
#define ARTICLE "{ \"id\": \"a1\", \"title\": \"The only article\", \"outlet\": \"Example Daily\", " \
                "\"published\": \"2025-01-20\", \"body\": [ \"Acme said nothing on Monday.\" ] }"

static void
collect_status_titles (GtkWidget *widget,
                       GPtrArray *titles)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (ADW_IS_STATUS_PAGE (widget))
    g_ptr_array_add (titles, (gpointer) adw_status_page_get_title (ADW_STATUS_PAGE (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_status_titles (child, titles);
}

static void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

static void
check_case (gconstpointer data)
{
  const Case *test_case = data;
  g_autoptr(DossierApplication) app = dossier_application_new ();
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  DossierWindow *window = dossier_test_new_window (app);
  DossierSelection *selection = dossier_window_get_selection (window);
  gboolean changed = FALSE;
  int fd;

  fd = g_file_open_tmp ("dossier-unusual-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, test_case->json, -1, &error));
  g_assert_no_error (error);
  close (fd);
  file = g_file_new_for_path (path);

  g_signal_connect_swapped (selection, "notify::store", G_CALLBACK (set_flag), &changed);
  dossier_window_open_file (window, file);
  g_assert_true (dossier_test_spin_until (&changed, 60000));
  g_assert_cmpstr (dossier_store_get_id (dossier_selection_get_store (selection)), ==, "unusual");

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autoptr(GPtrArray) titles = g_ptr_array_new ();

      gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", views[v]);
      dossier_test_settle ();
      dossier_test_wait_until_drawn (GTK_WIDGET (window));
      g_assert_cmpstr (dossier_window_get_view (window), ==, views[v]);

      collect_status_titles (GTK_WIDGET (window), titles);
      if (test_case->empty_state[v] == NULL)
        {
          for (guint i = 0; i < titles->len; i++)
            if (g_strv_contains (empty_states, titles->pdata[i]))
              g_error ("%s, %s view: unexpected empty state \"%s\"", test_case->name, views[v],
                       (char *) titles->pdata[i]);
        }
      else
        {
          gboolean found = FALSE;

          for (guint i = 0; i < titles->len; i++)
            found |= g_strcmp0 (titles->pdata[i], test_case->empty_state[v]) == 0;
          if (!found)
            g_error ("%s, %s view: expected the status page \"%s\"", test_case->name, views[v],
                     test_case->empty_state[v]);
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

static void
free_case (gpointer data)
{
  Case *test_case = data;

  g_free (test_case->json);
  g_free (test_case);
}

static Case *
new_case (const char *name,
          char       *json)
{
  Case *test_case = g_new0 (Case, 1);

  test_case->name = name;
  test_case->json = json;

  return test_case;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (free_case);
  Case *c;

  dossier_test_init (&argc, &argv);

  /* One article, one entity with no relations; no events, relations or
   * discrepancies */
  c = new_case ("one-article", g_strdup (HEAD "\"articles\": [" ARTICLE "], "
                                         "\"entities\": [ { \"id\": \"acme\", \"name\": \"Acme\", \"kind\": \"company\" } ] }"));
  c->empty_state[1] = "No Events";
  c->empty_state[3] = "No Discrepancies";
  g_ptr_array_add (cases, c);

  /* Nothing at all */
  c = new_case ("empty", g_strdup (HEAD "\"articles\": [] }"));
  c->empty_state[0] = "No Articles";
  c->empty_state[1] = "No Events";
  c->empty_state[2] = "No Entities";
  c->empty_state[3] = "No Discrepancies";
  g_ptr_array_add (cases, c);

  /* 500 events on one day */
  {
    GString *json = g_string_new (HEAD "\"articles\": [" ARTICLE "], \"events\": [");

    for (guint i = 0; i < 500; i++)
      g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"title\": \"Event %u\", \"date\": \"2025-01-20\", "
                              "\"category\": \"market\", \"sources\": [ { \"article\": \"a1\", "
                              "\"quote\": \"Acme said nothing\" } ] }", i ? ", " : "", i, i);
    g_string_append (json, "] }");
    c = new_case ("one-day", g_string_free (json, FALSE));
    c->empty_state[2] = "No Entities";
    c->empty_state[3] = "No Discrepancies";
    g_ptr_array_add (cases, c);
  }

  /* 10,000 entities named "Acme", one relation between two of them */
  {
    GString *json = g_string_new (HEAD "\"articles\": [" ARTICLE "], \"entities\": [");

    for (guint i = 0; i < 10000; i++)
      g_string_append_printf (json, "%s{ \"id\": \"acme-%u\", \"name\": \"Acme\", \"kind\": \"company\" }",
                              i ? ", " : "", i);
    g_string_append (json, "], \"relations\": [ { \"id\": \"r1\", \"type\": \"competes-with\", "
                     "\"from\": \"acme-1\", \"to\": \"acme-2\", \"sources\": [ { \"article\": \"a1\", "
                     "\"quote\": \"Acme\" } ] } ] }");
    c = new_case ("same-name", g_string_free (json, FALSE));
    c->empty_state[1] = "No Events";
    c->empty_state[3] = "No Discrepancies";
    g_ptr_array_add (cases, c);
  }

  for (guint i = 0; i < cases->len; i++)
    {
      g_autofree char *test_path = NULL;

      c = cases->pdata[i];
      test_path = g_strdup_printf ("/unusual/%s", c->name);
      g_test_add_data_func (test_path, c, check_case);
    }

  return g_test_run ();
}
