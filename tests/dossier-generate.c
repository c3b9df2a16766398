/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-generate: writes a valid, realistic dossier of any size, for the
 * benchmarks and for looking at a large file in the app.
 *
 *   dossier-generate --articles N [--events M] [--entities K]
 *                    [--relations R] [--discrepancies D] [--seed S]
 *                    [--article-bytes B] -o FILE
 *
 * The output depends only on the options (the same seed gives the same
 * bytes on every machine): a small PRNG of its own, no GRand, no locale.
 *
 * What makes it realistic rather than random:
 *  - the body of each article is prose from a sentence grammar (about B
 *    bytes, 5,000 by default), with a cast of entities whose names occur
 *    in the text, a few non-ASCII words and typographic quotes;
 *  - each event and relation belongs to one article, which states it in a
 *    sentence; the source quotes that sentence verbatim, and some events
 *    are reported again by a later article (a second source);
 *  - each discrepancy has two or three claims, stated in different
 *    articles and quoted from them;
 *  - dates spread over the years with all three precisions, some marked
 *    approximate; some articles lack an outlet, an author or a date.
 *
 * The JSON is written directly into a GString (one item per line), with
 * every string escaped, which is several times faster than building a
 * JsonNode tree: 10,000 articles take about a second. */
#include "config.h"

#include <glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Deterministic randomness: splitmix64 */

typedef struct
{
  guint64 state;
} Rng;

static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* A number in [0, n) */
static guint
rng_below (Rng  *rng,
           guint n)
{
  g_assert (n > 0);
  return (guint) ((rng_next (rng) >> 11) % n);
}

static guint
rng_range (Rng  *rng,
           guint lo,
           guint hi)  /* inclusive */
{
  return lo + rng_below (rng, hi - lo + 1);
}

/* TRUE with probability percent/100 */
static gboolean
rng_chance (Rng  *rng,
            guint percent)
{
  return rng_below (rng, 100) < percent;
}

#define PICK(rng, array) ((array)[rng_below ((rng), G_N_ELEMENTS (array))])

/* ------------------------------------------------------------------ */
/* Vocabulary */

static const char *first_names[] = {
  "Mara", "Tomasz", "Aiko", "Daniel", "Priya", "Kwame", "Sofia", "Liang", "Elena", "Rafael",
  "Nadia", "Oskar", "Chiara", "Jun", "Amara", "Henrik", "Leila", "Mateo", "Yuki", "Ingrid",
  "Samuel", "Zeynep", "Ivan", "Fatima", "Lucas", "Mei", "Tariq", "Astrid", "Diego", "Hana",
  "Marcus", "Noor", "Pieter", "Ana", "Kofi", "Greta", "Arjun", "Valentina", "Emeka", "Sakura",
  "Björn", "Renée", "José", "Zoë", "Łukasz", "Chloé", "Søren", "Inés", "Dmitri", "Aylin",
  "Felix", "Grace", "Hugo", "Imani", "Jonas", "Kira", "Leon", "Maya", "Nikhil", "Olga",
};

static const char *last_names[] = {
  "Okonkwo", "Lindqvist", "Tanaka", "Moreau", "Raman", "Mensah", "Rossi", "Wenfeng", "Petrova",
  "Alvarez", "Haddad", "Nowak", "Bianchi", "Park", "Adeyemi", "Larsen", "Farahani", "Costa",
  "Sato", "Berg", "Whitfield", "Demir", "Volkov", "Rahman", "Schmidt", "Chen", "Aziz",
  "Johansson", "Herrera", "Kim", "Brennan", "Iqbal", "de Vries", "Silva", "Owusu", "Keller",
  "Sharma", "Marino", "Eze", "Nakamura", "Müller", "Dubois", "García", "Kowalski", "Novák",
  "Yilmaz", "Fischer", "Lopez", "Andersen", "Zhou", "Ito", "Baptiste", "Carvalho", "Dlamini",
  "Fontaine", "Gupta", "Hoffmann", "Ivanova", "Jensen", "Kaur", "Lefebvre", "Mbeki", "Nilsen",
  "Osei", "Pereira", "Quispe", "Richter", "Suzuki", "Tran", "Ueda", "Vargas", "Wagner",
};

static const char *coin_heads[] = {
  "Vel", "Tro", "Ax", "Quan", "Nor", "Lum", "Zen", "Kai", "Hel", "Ori", "Syn", "Bra", "Cor",
  "Dex", "Fen", "Gal", "Hyd", "Ion", "Jov", "Kor", "Lyr", "Mer", "Nex", "Oct", "Pyr", "Rho",
  "Sol", "Tal", "Ul", "Vor", "Wyn", "Xan", "Yar", "Zy", "Aur", "Cal", "Eld", "Mag", "Nov", "Ter",
};

static const char *coin_tails[] = {
  "trix", "ora", "ex", "ium", "ant", "yx", "eon", "ara", "is", "o", "ent", "ica", "ion", "ux",
  "ara", "ide", "wave", "mind", "scale", "bit",
};

static const char *company_suffixes[] = {
  "Systems", "Labs", "Semiconductor", "AI", "Capital", "Robotics", "Networks", "Holdings",
  "Group", "Technologies", "Cloud", "Dynamics", "Partners", "Research",
};

static const char *product_words[] = {
  "Nova", "Atlas", "Pulse", "Echo", "Vista", "Forge", "Prism", "Orbit", "Spark", "Vector",
  "Summit", "Quill", "Helix", "Beacon", "Strata", "Cobalt",
};

static const char *country_heads[] = {
  "Val", "Ast", "Mor", "Ket", "Lun", "Sar", "Bel", "Cor", "Drav", "Esk", "Fal", "Gor",
};

static const char *country_tails[] = {
  "doria", "eria", "avia", "onia", "stan", "ovia", "ania", "land", "mark", "esia",
};

static const char *government_patterns[] = {
  "Government of %s", "%s Trade Commission", "%s Ministry of Industry", "Central Bank of %s",
  "%s Competition Authority", "%s Data Protection Office",
};

static const char *organization_patterns[] = {
  "%s Institute", "%s Foundation", "%s University", "%s Policy Council", "%s Alliance",
  "%s Standards Board",
};

static const char *outlets[] = {
  "The Meridian Post", "Global Ledger", "Tech Current", "The Northern Herald", "Daily Circuit",
  "Market Watchtower", "Le Quotidien Numérique", "Zürcher Tagesblatt", "Folha de São Paulo Online",
  "The Pacific Review", "Signal & Noise", "The Capital Wire", "Rhine Economic Journal",
  "The Silicon Gazette", "Asia Markets Today", "The Evening Standard-Bearer", "Byte Weekly",
  "The Policy Desk", "Nordic Tech Review", "The Atlantic Ledger",
};

static const char *subjects[] = {
  "Analysts", "Investors", "Regulators in Brussels", "Executives", "Researchers", "Engineers",
  "Critics", "Industry insiders", "Traders", "Lawmakers", "Rival start-ups", "Open-source developers",
  "Economists", "Customers", "Several board members", "Fund managers", "Privacy advocates",
};

static const char *verb_phrases[] = {
  "raised concerns about", "questioned", "welcomed", "played down", "pointed to", "warned about",
  "doubled down on", "scaled back", "reported", "disclosed", "announced", "rolled out", "delayed",
  "defended", "criticised", "praised", "downplayed", "revisited", "bet heavily on",
  "quietly abandoned", "renewed its focus on", "published details of", "struggled with",
};

static const char *objects[] = {
  "the cost of training large models", "export controls on advanced chips",
  "the pace of open-source releases", "data-centre spending", "its quarterly guidance",
  "the valuation of AI start-ups", "the energy use of inference", "supply-chain risks",
  "the licensing terms of its models", "falling inference prices", "a new reasoning benchmark",
  "the company's GPU cluster", "European privacy rules", "the distillation of larger models",
  "its plans for a public listing", "the shortage of high-bandwidth memory",
  "the safety evaluations", "a mixture-of-experts architecture", "subsidies for domestic chipmakers",
  "the antitrust review", "its partnership strategy", "customer data retention",
  "the hiring of senior researchers", "the price war among cloud providers",
  "the accuracy of its published figures", "a naïve reading of the benchmark results",
};

static const char *trailers[] = {
  "after a volatile week on markets", "despite tighter export rules", "amid growing competition",
  "ahead of its annual conference", "for the third quarter in a row", "in a filing late on Tuesday",
  "according to people familiar with the matter", "as demand for inference grew",
  "in an interview with reporters", "at a conference in Zürich", "without giving details",
  "in a letter to shareholders", "as the sell-off deepened", "before markets opened in New York",
  "in a post on its research blog", "after months of speculation",
};

static const char *adverbials[] = {
  "Meanwhile", "Still", "By contrast", "At the same time", "For now", "In a statement",
  "Earlier this year", "Separately", "Even so", "On Monday", "Late last year", "In response",
};

static const char *says[] = {
  "said", "argued", "noted", "wrote", "added", "conceded", "insisted", "cautioned",
};

static const char *plural_people[] = {
  "analysts", "investors", "engineers", "economists", "traders", "lawmakers", "customers",
  "researchers",
};

static const char *roles[] = {
  "chief executive", "an analyst", "head of research", "a former engineer",
  "the chief financial officer", "a spokesperson", "a senior fellow", "a professor of economics",
  "the head of policy", "a partner",
};

static const char *adjectives[] = {
  "unprecedented", "overstated", "significant", "premature", "modest", "remarkable", "inevitable",
  "worrying", "misleading", "encouraging", "costly", "long overdue",
};

static const char *places[] = {
  "Hangzhou", "Zürich", "São Paulo", "Malmö", "Montréal", "Seoul", "Austin", "Bengaluru", "Lagos",
  "Kraków", "Shenzhen", "Tel Aviv", "Dublin", "Nairobi", "Reykjavík", "Toronto",
};

static const char *nouns[] = {
  "announcement", "sell-off", "benchmark", "rally", "forecast", "ruling", "partnership", "model",
  "report", "settlement", "review", "launch",
};

static const char *moves[] = {
  "fell", "rose", "slid", "jumped", "climbed", "dropped", "edged up", "plunged",
};

static const char *bare_verbs[] = {
  "slow", "accelerate", "stabilise", "dominate the agenda", "weigh on margins", "reshape the market",
  "draw scrutiny", "fade",
};

static const char *speech[] = {
  "We have never seen {OBJ} move this quickly", "This changes how we think about {OBJ}",
  "Nobody expected {OBJ} to matter so much", "It is too early to judge {OBJ}",
  "Our customers care about {OBJ}, not headlines", "The numbers simply do not add up",
  "We are confident in our roadmap", "Frankly, the reaction to {OBJ} was {ADJ}",
};

static const char *months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

/* Filler sentences.  {E} any cast entity, {C} an organisation of the
 * cast, {P} a person of the cast, {R} a product of the cast. */
static const char *filler_templates[] = {
  "{E} {VP} {OBJ} {T}.",
  "{ADV}, {E} {VP} {OBJ}.",
  "{ADV}, {SUBJL} {VP} {OBJ}.",
  "“{QS},” {SAY} {P}, {ROLE} at {C}.",
  "{P}, {ROLE} at {C}, {SAY} that the worries about {OBJ} were {ADJ}.",
  "Shares of {C} {MOVE} {NUM} percent {T}.",
  "The {NOUN}, valued at {MONEY}, {VP} {OBJ}.",
  "In {MONTH} {YEAR}, {E} {VP} {OBJ} in {PLACE}.",
  "{SUBJ} {SAY} the {NOUN} was {ADJ}, pointing to {OBJ}.",
  "{E} and {E} {VP} {OBJ} {T}.",
  "{SUBJ} in {PLACE} {VP} {OBJ}.",
  "{ADV}, {SUBJL} {VP} {OBJ} — a move that surprised few observers.",
  "The figure of {MONEY} could not be independently verified.",
  "{C} did not respond to a request for comment.",
  "{C} declined to comment on {OBJ}.",
  "According to a report by {OUTLET}, {E} {VP} {OBJ}.",
  "{SUBJ} expect {OBJ} to {VB} {T}.",
  "{R}, developed by {C}, {VP} {OBJ}.",
  "{SUBJ} called it a “{ADJ} moment” for {OBJ}.",
  "Some {PL} were less convinced.",
  "{P} {SAY} that the company would keep investing in {OBJ}, adding that the outlook was {ADJ}.",
  "The {NOUN} came as {E} {VP} {OBJ}, a sign that {OBJ} could {VB}.",
  "It was not the first time {C} had {VP} {OBJ}.",
};

static const char *headline_templates[] = {
  "{E} {VP} {OBJ}",
  "How {E} {VP} {OBJ}",
  "{SUBJ} weigh {OBJ} as {E} {VP} {OBJ}",
  "Why {OBJ} matters for {E}",
  "{C} shares {MOVE} {T}",
  "Inside the {NOUN} that shook {C}",
};

typedef enum
{
  KIND_COMPANY,
  KIND_PERSON,
  KIND_PRODUCT,
  KIND_GOVERNMENT,
  KIND_ORGANIZATION,
  KIND_ANY,  /* in templates only */
} Kind;

typedef struct
{
  const char *category;
  const char *title;     /* present tense, a headline */
  const char *sentence;  /* the clause an article states; {1} and {2} are the event's entities */
  Kind kind1, kind2;     /* what {1} and {2} should be, when the cast has one */
} EventTemplate;

static const EventTemplate event_templates[] = {
  { "release", "{1} releases {X}", "{1} released {X} to the public", KIND_COMPANY, KIND_ANY },
  { "release", "{1} launches {X} in {PLACE}", "{1} launched {X} in {PLACE}, with {2} as its first customer", KIND_COMPANY, KIND_COMPANY },
  { "release", "{1} open-sources {X}", "{1} published the weights of {X} under an open licence", KIND_COMPANY, KIND_ANY },
  { "market", "Shares of {1} fall {NUM}%", "shares of {1} fell {NUM} percent in a single session", KIND_COMPANY, KIND_ANY },
  { "market", "{1} stock rallies {NUM}% after {NOUN}", "{1} stock rallied by {NUM} percent after the {NOUN}", KIND_COMPANY, KIND_ANY },
  { "market", "{1} loses {MONEY} in market value", "{1} lost {MONEY} in market value as investors sold its shares", KIND_COMPANY, KIND_ANY },
  { "reaction", "{1} responds to {2}", "{1} responded publicly to the {NOUN} by {2}", KIND_ANY, KIND_ANY },
  { "reaction", "{1} calls {2}'s claims {ADJ}", "{1} called the claims made by {2} {ADJ}", KIND_PERSON, KIND_COMPANY },
  { "reaction", "{1} praises {2}", "{1} praised the work of {2} on {OBJ}", KIND_ANY, KIND_ANY },
  { "investment", "{1} raises {MONEY}", "{1} raised {MONEY} in a funding round led by {2}", KIND_COMPANY, KIND_COMPANY },
  { "investment", "{1} invests in {2}", "{1} agreed to invest {MONEY} in {2}", KIND_COMPANY, KIND_COMPANY },
  { "investment", "{1} announces {MONEY} data-centre plan", "{1} announced a {MONEY} plan to build data centres in {PLACE}", KIND_COMPANY, KIND_ANY },
  { "policy", "{1} tightens rules on {OBJ}", "{1} tightened its rules on {OBJ}, a move aimed at {2}", KIND_GOVERNMENT, KIND_COMPANY },
  { "policy", "{1} opens inquiry into {2}", "{1} opened a formal inquiry into {2}", KIND_GOVERNMENT, KIND_COMPANY },
  { "policy", "{1} bans {2} from government devices", "{1} barred officials from using {2} on government devices", KIND_GOVERNMENT, KIND_PRODUCT },
  { "company", "{1} appoints new chief executive", "{1} named {2} as its new chief executive", KIND_COMPANY, KIND_PERSON },
  { "company", "{1} opens office in {PLACE}", "{1} opened a research office in {PLACE}", KIND_COMPANY, KIND_ANY },
  { "company", "{1} cuts {NUM} jobs", "{1} cut {NUM} jobs as part of a restructuring", KIND_COMPANY, KIND_ANY },
};

typedef struct
{
  const char *type;
  const char *sentence;  /* {1} from, {2} to */
  Kind kind1, kind2;
} RelationTemplate;

static const RelationTemplate relation_templates[] = {
  { "subsidiary-of", "{1} is a wholly owned subsidiary of {2}", KIND_COMPANY, KIND_COMPANY },
  { "founded", "{1} founded {2} after leaving academia", KIND_PERSON, KIND_COMPANY },
  { "leads", "{1} has led {2} since its early days", KIND_PERSON, KIND_COMPANY },
  { "works-for", "{1} works for {2} as {ROLE}", KIND_PERSON, KIND_COMPANY },
  { "invests-in", "{1} holds a sizeable stake in {2}", KIND_COMPANY, KIND_COMPANY },
  { "invests-in", "{1} has invested {MONEY} in {2}", KIND_COMPANY, KIND_COMPANY },
  { "partners-with", "{1} has partnered with {2} on {OBJ}", KIND_COMPANY, KIND_COMPANY },
  { "competes-with", "{1} competes directly with {2}", KIND_COMPANY, KIND_COMPANY },
  { "competes-with", "{1} sees {2} as its main rival", KIND_ANY, KIND_ANY },
  { "supplies", "{1} supplies chips to {2}", KIND_COMPANY, KIND_COMPANY },
  { "develops", "{1} develops {2}", KIND_COMPANY, KIND_PRODUCT },
  { "uses", "{1} relies on {2} for much of its work", KIND_ANY, KIND_PRODUCT },
  { "restricts", "{1} restricted sales to {2}", KIND_GOVERNMENT, KIND_COMPANY },
  { "praises", "{1} publicly praised {2}", KIND_PERSON, KIND_ANY },
  { "criticizes", "{1} has repeatedly criticised {2}", KIND_ANY, KIND_ANY },
  { "accuses", "{1} accused {2} of copying its work", KIND_COMPANY, KIND_COMPANY },
  { "replicates", "{1} replicated the results of {2}", KIND_ORGANIZATION, KIND_PRODUCT },
  { "studies", "{1} published a study of {2}", KIND_ORGANIZATION, KIND_ANY },
};

static const char *event_frames[] = {
  "According to the company, {Q}.",
  "As reported earlier, {Q}.",
  "It was later confirmed that {Q}.",
  "Earlier coverage noted that {Q}.",
};

static const char *discrepancy_topics[] = {
  "Size of the funding round raised by {1}",
  "Cost of training {1}'s latest model",
  "Number of GPUs owned by {1}",
  "Number of employees at {1}",
  "Market value lost by {1}",
};

static const char *claim_sentences[] = {
  "{1} raised {V} in its latest round",
  "training the model cost {1} about {V}",
  "{1} owns roughly {V} in hardware",
  "the payroll of {1} amounts to {V}",
  "{1} lost {V} in market value",
};

/* ------------------------------------------------------------------ */
/* Entities */

static const char *kind_names[] = { "company", "person", "product", "government", "organization" };

typedef struct
{
  char *id;
  char *name;
  char *alias;        /* or NULL */
  char *description;  /* or NULL */
  Kind kind;
} Entity;

typedef struct
{
  int year, month, day;  /* month, day 0 when not given */
  gboolean approximate;
} Date;

typedef struct
{
  guint article;  /* index */
  char *quote;    /* NULL for a reference */
  char *reference;
} Source;

typedef struct
{
  Date date;
  const char *category;
  char *title;
  char *summary;
  guint entities[2];
  guint n_entities;
  Source sources[3];
  guint n_sources;
} Event;

typedef struct
{
  guint from, to;
  const char *type;
  char *summary;
  Date since, until;  /* year 0: absent */
  gboolean approximate;
  Source source;
} Relation;

typedef struct
{
  char *value;
  Source sources[2];
  guint n_sources;
} Claim;

typedef struct
{
  char *topic;
  Claim claims[3];
  guint n_claims;
  char *resolution;
  guint entity;
  guint event;  /* G_MAXUINT: none */
} Discrepancy;

typedef struct
{
  Rng rng;
  guint n_articles, n_events, n_entities, n_relations, n_discrepancies;
  guint article_bytes;
  int start_year, years;

  Entity *entities;
  GHashTable *names;  /* name → TRUE, to keep names unique */
  Event *events;
  Relation *relations;
  Discrepancy *discrepancies;
  GPtrArray **pending;  /* per article: sentences it must contain */

  /* The article being written */
  guint cast[16];
  guint n_cast;
  const Event *event;  /* for {1}, {2} */
  guint slot1, slot2;
  const char *x;       /* for {X} */
  const char *v;       /* for {V} */
  const char *q;       /* for {Q} */
} Gen;

static void expand (Gen *gen, GString *out, const char *template);

static char *
coin (Gen *gen)
{
  return g_strconcat (PICK (&gen->rng, coin_heads), PICK (&gen->rng, coin_tails), NULL);
}

/* @pattern with its "%s" replaced by @word */
static char *
fill_pattern (const char *pattern,
              const char *word)
{
  GString *s = g_string_new (pattern);

  g_string_replace (s, "%s", word, 1);
  return g_string_free (s, FALSE);
}

static char *
make_name (Gen  *gen,
           Kind  kind,
           char **alias)
{
  g_autofree char *word = NULL;
  g_autofree char *country = NULL;

  *alias = NULL;
  switch (kind)
    {
    case KIND_PERSON:
      if (rng_chance (&gen->rng, 15))
        return g_strdup_printf ("%s %c. %s", PICK (&gen->rng, first_names),
                                'A' + rng_below (&gen->rng, 26), PICK (&gen->rng, last_names));
      return g_strdup_printf ("%s %s", PICK (&gen->rng, first_names), PICK (&gen->rng, last_names));

    case KIND_COMPANY:
      word = coin (gen);
      if (rng_chance (&gen->rng, 25))
        return g_steal_pointer (&word);
      if (rng_chance (&gen->rng, 40))
        *alias = g_strdup (word);
      return g_strdup_printf ("%s %s", word, PICK (&gen->rng, company_suffixes));

    case KIND_PRODUCT:
      word = coin (gen);
      if (rng_chance (&gen->rng, 50))
        return g_strdup_printf ("%s %s %u", word, PICK (&gen->rng, product_words), rng_range (&gen->rng, 1, 9));
      return g_strdup_printf ("%s %s", word, PICK (&gen->rng, product_words));

    case KIND_GOVERNMENT:
      country = g_strconcat (PICK (&gen->rng, country_heads), PICK (&gen->rng, country_tails), NULL);
      return fill_pattern (PICK (&gen->rng, government_patterns), country);

    case KIND_ORGANIZATION:
    default:
      word = coin (gen);
      return fill_pattern (PICK (&gen->rng, organization_patterns), word);
    }
}

static char *
slugify (const char *name,
         guint       index)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  if (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  /* Names are unique but their ASCII forms may not be ("Müller" and
   * "Muller"): the index keeps ids unique too. */
  g_string_append_printf (slug, "-%u", index);
  return g_string_free (slug, FALSE);
}

static void
make_entities (Gen *gen)
{
  gen->entities = g_new0 (Entity, MAX (gen->n_entities, 1));
  gen->names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < gen->n_entities; i++)
    {
      Entity *e = &gen->entities[i];
      guint r = rng_below (&gen->rng, 100);
      char *name = NULL, *alias = NULL;

      e->kind = r < 35 ? KIND_COMPANY : r < 70 ? KIND_PERSON : r < 85 ? KIND_PRODUCT
              : r < 92 ? KIND_GOVERNMENT : KIND_ORGANIZATION;

      for (guint attempt = 0; ; attempt++)
        {
          name = make_name (gen, e->kind, &alias);
          if (attempt > 20)
            {
              /* Many entities, few patterns: number the rest. */
              char *numbered = g_strdup_printf ("%s %u", name, i);

              g_free (name);
              name = numbered;
              g_clear_pointer (&alias, g_free);
            }
          if (!g_hash_table_contains (gen->names, name) &&
              (alias == NULL || !g_hash_table_contains (gen->names, alias)))
            break;
          g_free (name);
          g_free (alias);
        }
      g_hash_table_add (gen->names, name);
      if (alias != NULL)
        g_hash_table_add (gen->names, alias);
      e->name = name;
      e->alias = alias;
      e->id = slugify (name, i);
      if (rng_chance (&gen->rng, 60))
        {
          GString *d = g_string_new (NULL);

          switch (e->kind)
            {
            case KIND_PERSON:
              expand (gen, d, "Appears in the coverage as {ROLE}; based in {PLACE}.");
              break;
            case KIND_PRODUCT:
              g_string_append (d, "A model and service named in the coverage.");
              break;
            default:
              expand (gen, d, "Based in {PLACE}; mentioned in connection with {OBJ}.");
              break;
            }
          e->description = g_string_free (d, FALSE);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Text */

static guint
cast_member (Gen  *gen,
             Kind  kind,
             gboolean strict)
{
  guint start = rng_below (&gen->rng, gen->n_cast);

  for (guint i = 0; i < gen->n_cast; i++)
    {
      guint e = gen->cast[(start + i) % gen->n_cast];

      if (gen->entities[e].kind == kind ||
          (kind == KIND_COMPANY && gen->entities[e].kind != KIND_PERSON && gen->entities[e].kind != KIND_PRODUCT))
        return e;
    }
  return strict ? G_MAXUINT : gen->cast[start];
}

static gboolean
kind_matches (Gen  *gen,
              guint entity,
              Kind  kind)
{
  Kind k = gen->entities[entity].kind;

  return kind == KIND_ANY || k == kind ||
         (kind == KIND_COMPANY && (k == KIND_GOVERNMENT || k == KIND_ORGANIZATION));
}

/* A member of the cast of the kind asked for if there is one, other than
 * @avoid (the cast has at least two members, all different). */
static guint
pick_cast (Gen  *gen,
           Kind  kind,
           guint avoid)
{
  guint start = rng_below (&gen->rng, gen->n_cast);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < gen->n_cast; i++)
      {
        guint e = gen->cast[(start + i) % gen->n_cast];

        if (e != avoid && (pass == 1 || kind_matches (gen, e, kind)))
          return e;
      }
  g_assert_not_reached ();
}

static void
append_money (Gen     *gen,
              GString *out)
{
  guint r = rng_below (&gen->rng, 10);

  if (r < 6)
    g_string_append_printf (out, "$%u million", rng_range (&gen->rng, 2, 950));
  else if (r < 9)
    g_string_append_printf (out, "$%u.%u billion", rng_range (&gen->rng, 1, 90), rng_below (&gen->rng, 10));
  else
    g_string_append_printf (out, "€%u million", rng_range (&gen->rng, 5, 800));
}

/* Expands the {SLOTS} of @template into @out. */
static void
expand (Gen        *gen,
        GString    *out,
        const char *template)
{
  const char *p = template;

  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close;
      char slot[8];
      gsize len;

      if (open == NULL)
        {
          g_string_append (out, p);
          return;
        }
      g_string_append_len (out, p, open - p);
      close = strchr (open, '}');
      g_assert (close != NULL && close - open - 1 < (gssize) sizeof slot);
      len = close - open - 1;
      memcpy (slot, open + 1, len);
      slot[len] = '\0';
      p = close + 1;

      switch (slot[0])
        {
        case '1':
          g_string_append (out, gen->entities[gen->slot1].name);
          break;
        case '2':
          g_string_append (out, gen->entities[gen->slot2].name);
          break;
        case 'X':
          g_string_append (out, gen->x);
          break;
        case 'V':
          if (slot[1] == '\0')
            g_string_append (out, gen->v);
          else if (strcmp (slot, "VP") == 0)
            g_string_append (out, PICK (&gen->rng, verb_phrases));
          else  /* VB */
            g_string_append (out, PICK (&gen->rng, bare_verbs));
          break;
        case 'Q':
          if (slot[1] == '\0')
            g_string_append (out, gen->q);
          else  /* QS */
            expand (gen, out, PICK (&gen->rng, speech));
          break;
        case 'E':
          g_string_append (out, gen->entities[gen->cast[rng_below (&gen->rng, gen->n_cast)]].name);
          break;
        case 'C':
          g_string_append (out, gen->entities[cast_member (gen, KIND_COMPANY, FALSE)].name);
          break;
        case 'P':
          if (strcmp (slot, "PLACE") == 0)
            g_string_append (out, PICK (&gen->rng, places));
          else if (strcmp (slot, "PL") == 0)
            g_string_append (out, PICK (&gen->rng, plural_people));
          else
            {
              guint e = cast_member (gen, KIND_PERSON, TRUE);

              g_string_append (out, e != G_MAXUINT ? gen->entities[e].name : "a spokesperson");
            }
          break;
        case 'R':
          if (slot[1] == '\0')
            {
              guint e = cast_member (gen, KIND_PRODUCT, TRUE);

              g_string_append (out, e != G_MAXUINT ? gen->entities[e].name : "Its newest model");
            }
          else  /* ROLE */
            g_string_append (out, PICK (&gen->rng, roles));
          break;
        case 'O':
          if (strcmp (slot, "OBJ") == 0)
            g_string_append (out, PICK (&gen->rng, objects));
          else  /* OUTLET */
            g_string_append (out, PICK (&gen->rng, outlets));
          break;
        case 'T':
          g_string_append (out, PICK (&gen->rng, trailers));
          break;
        case 'A':
          if (strcmp (slot, "ADV") == 0)
            g_string_append (out, PICK (&gen->rng, adverbials));
          else  /* ADJ */
            g_string_append (out, PICK (&gen->rng, adjectives));
          break;
        case 'S':
          if (strcmp (slot, "SAY") == 0)
            g_string_append (out, PICK (&gen->rng, says));
          else if (strcmp (slot, "SUBJ") == 0)
            g_string_append (out, PICK (&gen->rng, subjects));
          else  /* SUBJL: lower case, for the middle of a sentence */
            {
              const char *s = PICK (&gen->rng, subjects);

              g_string_append_c (out, g_ascii_tolower (s[0]));
              g_string_append (out, s + 1);
            }
          break;
        case 'M':
          if (strcmp (slot, "MOVE") == 0)
            g_string_append (out, PICK (&gen->rng, moves));
          else if (strcmp (slot, "MONTH") == 0)
            g_string_append (out, PICK (&gen->rng, months));
          else  /* MONEY */
            append_money (gen, out);
          break;
        case 'N':
          if (strcmp (slot, "NUM") == 0)
            g_string_append_printf (out, "%u", rng_range (&gen->rng, 2, 40));
          else  /* NOUN */
            g_string_append (out, PICK (&gen->rng, nouns));
          break;
        case 'Y':
          g_string_append_printf (out, "%d", gen->start_year + (int) rng_below (&gen->rng, gen->years));
          break;
        default:
          g_error ("unknown slot {%s}", slot);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Dates */

static int
days_in_month (int year,
               int month)
{
  return g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

static Date
random_date (Gen *gen,
             int  first_year,
             int  n_years,
             guint percent_day,
             guint percent_month,
             guint percent_approximate)
{
  Date d = { 0, };
  guint r = rng_below (&gen->rng, 100);

  d.year = first_year + (int) rng_below (&gen->rng, MAX (n_years, 1));
  if (r < percent_day + percent_month)
    d.month = (int) rng_range (&gen->rng, 1, 12);
  if (r < percent_day)
    d.day = (int) rng_range (&gen->rng, 1, days_in_month (d.year, d.month));
  d.approximate = rng_chance (&gen->rng, percent_approximate);
  return d;
}

/* A date at most @days_before (about) before @d, at a random precision */
static Date
date_before (Gen        *gen,
             const Date *d,
             guint       max_days)
{
  GDate g;
  Date result = { 0, };
  guint r = rng_below (&gen->rng, 100);

  g_date_clear (&g, 1);
  g_date_set_dmy (&g, d->day > 0 ? d->day : 15, d->month > 0 ? d->month : 6, d->year);
  g_date_subtract_days (&g, rng_below (&gen->rng, max_days));
  result.year = MAX (1, g_date_get_year (&g));
  if (r < 90)
    result.month = g_date_get_month (&g);
  if (r < 65)
    result.day = g_date_get_day (&g);
  result.approximate = rng_chance (&gen->rng, 8);
  return result;
}

static int
date_compare (const Date *a,
              const Date *b)
{
  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (a->month != b->month)
    return a->month < b->month ? -1 : 1;
  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;
  return 0;
}

static void
date_phrase (GString    *out,
             const Date *d)
{
  if (d->day > 0)
    g_string_append_printf (out, "%s %d %s %d", d->approximate ? "On or around" : "On",
                            d->day, months[d->month - 1], d->year);
  else if (d->month > 0)
    g_string_append_printf (out, "%s %s %d", d->approximate ? "Around" : "In",
                            months[d->month - 1], d->year);
  else
    g_string_append_printf (out, "%s %d", d->approximate ? "In about" : "In", d->year);
}

/* ------------------------------------------------------------------ */
/* JSON writing */

static void
append_escaped (GString    *out,
                const char *s)
{
  const char *run = s;

  g_string_append_c (out, '"');
  for (const char *p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
      run = p + 1;
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

static void
append_key (GString    *out,
            const char *key)
{
  g_string_append_printf (out, ",\"%s\":", key);
}

static void
append_string_member (GString    *out,
                      const char *key,
                      const char *value)
{
  append_key (out, key);
  append_escaped (out, value);
}

static void
append_date_member (GString    *out,
                    const char *key,
                    const Date *d)
{
  append_key (out, key);
  if (d->day > 0)
    g_string_append_printf (out, "\"%04d-%02d-%02d\"", d->year, d->month, d->day);
  else if (d->month > 0)
    g_string_append_printf (out, "\"%04d-%02d\"", d->year, d->month);
  else
    g_string_append_printf (out, "\"%04d\"", d->year);
}

static void
append_source (GString      *out,
               const Source *s)
{
  if (s->quote != NULL)
    {
      g_string_append_printf (out, "{\"article\":\"art-%u\",\"quote\":", s->article);
      append_escaped (out, s->quote);
      g_string_append_c (out, '}');
    }
  else
    {
      g_string_append (out, "{\"reference\":");
      append_escaped (out, s->reference);
      g_string_append_c (out, '}');
    }
}

static void
append_sources (GString      *out,
                const Source *sources,
                guint         n)
{
  append_key (out, "sources");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_source (out, &sources[i]);
    }
  g_string_append_c (out, ']');
}

/* ------------------------------------------------------------------ */
/* Planning: what each article must state */

static void
add_pending (Gen        *gen,
             guint       article,
             const char *frame,
             const char *clause)
{
  GString *sentence = g_string_new (NULL);

  if (gen->pending[article] == NULL)
    gen->pending[article] = g_ptr_array_new_with_free_func (g_free);
  /* Every frame puts the clause after some words of its own: the quote
   * must stay byte for byte, so its first letter is never capitalised. */
  gen->q = clause;
  expand (gen, sentence, frame);
  g_ptr_array_add (gen->pending[article], g_string_free (sentence, FALSE));
}

/* The range [*first, *last) of items of @n_items that belong to @article */
static void
items_of (guint  article,
          guint  n_articles,
          guint  n_items,
          guint *first,
          guint *last)
{
  *first = (guint) (((guint64) article * n_items + n_articles - 1) / n_articles);
  *last = (guint) (((guint64) (article + 1) * n_items + n_articles - 1) / n_articles);
}

static void
plan_discrepancies (Gen *gen)
{
  gen->discrepancies = g_new0 (Discrepancy, MAX (gen->n_discrepancies, 1));
  for (guint i = 0; i < gen->n_discrepancies; i++)
    {
      Discrepancy *d = &gen->discrepancies[i];
      guint topic = rng_below (&gen->rng, G_N_ELEMENTS (discrepancy_topics));
      GString *s = g_string_new (NULL);

      d->entity = rng_below (&gen->rng, gen->n_entities);
      d->event = gen->n_events > 0 && rng_chance (&gen->rng, 50) ? rng_below (&gen->rng, gen->n_events) : G_MAXUINT;
      gen->slot1 = d->entity;
      expand (gen, s, discrepancy_topics[topic]);
      d->topic = g_string_free (s, FALSE);
      d->n_claims = rng_chance (&gen->rng, 70) ? 2 : 3;
      for (guint c = 0; c < d->n_claims; c++)
        {
          Claim *claim = &d->claims[c];

          s = g_string_new (NULL);
          append_money (gen, s);
          claim->value = g_string_free (s, FALSE);
          claim->n_sources = rng_chance (&gen->rng, 70) ? 1 : 2;
          for (guint k = 0; k < claim->n_sources; k++)
            {
              g_autoptr(GString) clause = g_string_new (NULL);

              gen->v = claim->value;
              expand (gen, clause, claim_sentences[topic]);
              claim->sources[k].article = rng_below (&gen->rng, gen->n_articles);
              claim->sources[k].quote = g_strdup (clause->str);
              add_pending (gen, claim->sources[k].article, "People familiar with the matter said {Q}.", clause->str);
            }
        }
      if (rng_chance (&gen->rng, 30))
        d->resolution = g_strdup_printf ("The company's own filing gives %s.", d->claims[0].value);
    }
}

/* ------------------------------------------------------------------ */
/* Articles */

static void
choose_cast (Gen *gen)
{
  guint primary = rng_below (&gen->rng, gen->n_entities);

  /* Articles about one entity mostly name its neighbours (by index), so the
   * graph has communities rather than a uniform tangle. */
  gen->n_cast = MIN (gen->n_entities, rng_range (&gen->rng, 6, 14));
  gen->cast[0] = primary;
  for (guint i = 1; i < gen->n_cast; i++)
    {
      guint e;
      gboolean again;

      do
        {
          if (rng_chance (&gen->rng, 80))
            e = (primary + rng_below (&gen->rng, 60)) % gen->n_entities;
          else
            e = rng_below (&gen->rng, gen->n_entities);
          again = FALSE;
          for (guint j = 0; j < i; j++)
            again |= gen->cast[j] == e;
        }
      while (again);
      gen->cast[i] = e;
    }
}

static void
plan_event (Gen        *gen,
            guint       article,
            const Date *published,
            Event      *ev,
            GPtrArray  *sentences)
{
  const EventTemplate *t = &PICK (&gen->rng, event_templates);
  g_autoptr(GString) clause = g_string_new (NULL);
  GString *sentence = g_string_new (NULL);
  GString *title = g_string_new (NULL);
  guint product;

  ev->category = t->category;
  ev->date = published->year > 0
             ? date_before (gen, published, 730)
             : random_date (gen, gen->start_year, gen->years, 65, 25, 8);

  gen->slot1 = pick_cast (gen, t->kind1, G_MAXUINT);
  gen->slot2 = pick_cast (gen, t->kind2, gen->slot1);
  product = cast_member (gen, KIND_PRODUCT, TRUE);
  gen->x = product != G_MAXUINT && product != gen->slot1 ? gen->entities[product].name : "a new reasoning model";

  ev->entities[0] = gen->slot1;
  ev->n_entities = 1;
  if (strstr (t->sentence, "{2}") != NULL)
    ev->entities[ev->n_entities++] = gen->slot2;

  /* The same random choices for title and clause: expand both from one
   * state, then move on. */
  {
    Rng saved = gen->rng;

    expand (gen, title, t->title);
    gen->rng = saved;
    expand (gen, clause, t->sentence);
  }
  ev->title = g_string_free (title, FALSE);
  if (g_ascii_islower (ev->title[0]))
    ev->title[0] = g_ascii_toupper (ev->title[0]);

  date_phrase (sentence, &ev->date);
  g_string_append (sentence, ", ");
  g_string_append (sentence, clause->str);
  g_string_append_c (sentence, '.');
  g_ptr_array_add (sentences, g_string_free (sentence, FALSE));

  ev->sources[0].article = article;
  ev->sources[0].quote = g_strdup (clause->str);
  ev->n_sources = 1;

  /* Reported again by a later article */
  if (rng_chance (&gen->rng, 20) && article + 1 < gen->n_articles)
    {
      guint later = article + 1 + rng_below (&gen->rng, MIN (30, gen->n_articles - article - 1));

      add_pending (gen, later, PICK (&gen->rng, event_frames), clause->str);
      ev->sources[ev->n_sources].article = later;
      ev->sources[ev->n_sources].quote = g_strdup (clause->str);
      ev->n_sources++;
    }
  if (rng_chance (&gen->rng, 5))
    {
      ev->sources[ev->n_sources].reference =
        g_strdup_printf ("Press release by %s, %d", gen->entities[gen->slot1].name, ev->date.year);
      ev->n_sources++;
    }
  if (rng_chance (&gen->rng, 15))
    {
      GString *summary = g_string_new (NULL);

      expand (gen, summary, "{SUBJ} {VP} {OBJ} {T}.");
      ev->summary = g_string_free (summary, FALSE);
    }
}

static void
plan_relation (Gen       *gen,
               guint      article,
               Relation  *rel,
               GPtrArray *sentences)
{
  const RelationTemplate *t = &PICK (&gen->rng, relation_templates);
  g_autoptr(GString) clause = g_string_new (NULL);

  rel->from = gen->slot1 = pick_cast (gen, t->kind1, G_MAXUINT);
  rel->to = gen->slot2 = pick_cast (gen, t->kind2, gen->slot1);
  rel->type = t->type;
  expand (gen, clause, t->sentence);
  g_ptr_array_add (sentences, g_strconcat (clause->str, ".", NULL));
  rel->source.article = article;
  rel->source.quote = g_string_free (g_steal_pointer (&clause), FALSE);
  if (rng_chance (&gen->rng, 40))
    {
      rel->since = random_date (gen, gen->start_year - 10, gen->years + 5, 40, 40, 0);
      if (rng_chance (&gen->rng, 30))
        {
          rel->until = random_date (gen, rel->since.year, gen->start_year + gen->years - rel->since.year, 40, 40, 0);
          if (date_compare (&rel->until, &rel->since) < 0)
            rel->until.year = 0;
        }
      rel->approximate = rng_chance (&gen->rng, 5);
    }
  if (rng_chance (&gen->rng, 20))
    rel->summary = g_strdup_printf ("%s %s %s.", gen->entities[rel->from].name, rel->type,
                                    gen->entities[rel->to].name);
}

static void
shuffle (Gen       *gen,
         GPtrArray *array)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint j = rng_below (&gen->rng, i);
      gpointer tmp = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = tmp;
    }
}

static void
write_article (Gen     *gen,
               GString *out,
               guint    index)
{
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  Date published = { 0, };
  guint first, last, target, written = 0, n_paragraphs = 0, n_sentences = 0;
  gboolean has_date = rng_chance (&gen->rng, 95);

  choose_cast (gen);
  if (has_date)
    published = random_date (gen, gen->start_year, gen->years, 85, 10, 3);

  items_of (index, gen->n_articles, gen->n_events, &first, &last);
  for (guint i = first; i < last; i++)
    plan_event (gen, index, &published, &gen->events[i], sentences);
  if (gen->n_entities >= 2)
    {
      items_of (index, gen->n_articles, gen->n_relations, &first, &last);
      for (guint i = first; i < last; i++)
        plan_relation (gen, index, &gen->relations[i], sentences);
    }
  if (gen->pending[index] != NULL)
    {
      for (guint i = 0; i < gen->pending[index]->len; i++)
        g_ptr_array_add (sentences, g_steal_pointer (&gen->pending[index]->pdata[i]));
      g_clear_pointer (&gen->pending[index], g_ptr_array_unref);
    }
  shuffle (gen, sentences);

  g_string_append_printf (out, "{\"id\":\"art-%u\"", index);
  if (rng_chance (&gen->rng, 97))
    {
      expand (gen, text, PICK (&gen->rng, headline_templates));
      append_string_member (out, "title", text->str);
    }
  if (rng_chance (&gen->rng, 90))
    append_string_member (out, "outlet", PICK (&gen->rng, outlets));
  if (rng_chance (&gen->rng, 80))
    {
      g_string_truncate (text, 0);
      g_string_append_printf (text, "%s %s", PICK (&gen->rng, first_names), PICK (&gen->rng, last_names));
      append_string_member (out, "author", text->str);
    }
  if (has_date)
    {
      append_date_member (out, "published", &published);
      if (published.approximate)
        g_string_append (out, ",\"approximate\":true");
    }
  if (rng_chance (&gen->rng, 70))
    g_string_append_printf (out, ",\"url\":\"https://news.example.org/%d/art-%u\"",
                            published.year > 0 ? published.year : 2020, index);

  /* The body: the planned sentences spread among filler, in paragraphs of
   * three to seven sentences, until the target size is reached. */
  target = gen->article_bytes * (80 + rng_below (&gen->rng, 41)) / 100;
  append_key (out, "body");
  g_string_append_c (out, '[');
  for (guint s = 0; written < target || s < sentences->len; n_paragraphs++)
    {
      guint n = rng_range (&gen->rng, 3, 7);

      g_string_truncate (text, 0);
      for (guint k = 0; k < n; k++)
        {
          /* Expected sentences left, at about 130 bytes each */
          guint left = target > written + text->len ? (target - written - text->len) / 130 + 1 : 1;

          if (k > 0)
            g_string_append_c (text, ' ');
          if (s < sentences->len && rng_below (&gen->rng, left) < sentences->len - s)
            g_string_append (text, sentences->pdata[s++]);
          else
            expand (gen, text, PICK (&gen->rng, filler_templates));
          n_sentences++;
        }
      if (n_paragraphs > 0)
        g_string_append_c (out, ',');
      append_escaped (out, text->str);
      written += text->len;
    }
  g_string_append_c (out, ']');
  if (rng_chance (&gen->rng, 3))
    append_string_member (out, "notes", "Photo captions and a related-stories box were left out.");
  g_string_append_c (out, '}');
}

/* ------------------------------------------------------------------ */
/* The rest of the file */

static void
write_entity (GString      *out,
              const Entity *e)
{
  g_string_append (out, "{\"id\":");
  append_escaped (out, e->id);
  append_string_member (out, "name", e->name);
  append_string_member (out, "kind", kind_names[e->kind]);
  if (e->alias != NULL)
    {
      append_key (out, "aliases");
      g_string_append_c (out, '[');
      append_escaped (out, e->alias);
      g_string_append_c (out, ']');
    }
  if (e->description != NULL)
    append_string_member (out, "description", e->description);
  g_string_append_c (out, '}');
}

static void
write_event (Gen         *gen,
             GString     *out,
             guint        index,
             const Event *ev)
{
  g_string_append_printf (out, "{\"id\":\"ev-%u\"", index);
  append_date_member (out, "date", &ev->date);
  if (ev->date.approximate)
    g_string_append (out, ",\"approximate\":true");
  append_string_member (out, "title", ev->title);
  if (ev->summary != NULL)
    append_string_member (out, "summary", ev->summary);
  append_string_member (out, "category", ev->category);
  append_key (out, "entities");
  g_string_append_c (out, '[');
  for (guint i = 0; i < ev->n_entities; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_escaped (out, gen->entities[ev->entities[i]].id);
    }
  g_string_append_c (out, ']');
  append_sources (out, ev->sources, ev->n_sources);
  g_string_append_c (out, '}');
}

static void
write_relation (Gen            *gen,
                GString        *out,
                guint           index,
                const Relation *rel)
{
  g_string_append_printf (out, "{\"id\":\"rel-%u\"", index);
  append_string_member (out, "from", gen->entities[rel->from].id);
  append_string_member (out, "to", gen->entities[rel->to].id);
  append_string_member (out, "type", rel->type);
  if (rel->summary != NULL)
    append_string_member (out, "summary", rel->summary);
  if (rel->since.year > 0)
    append_date_member (out, "since", &rel->since);
  if (rel->until.year > 0)
    append_date_member (out, "until", &rel->until);
  if (rel->approximate)
    g_string_append (out, ",\"approximate\":true");
  append_sources (out, &rel->source, 1);
  g_string_append_c (out, '}');
}

static void
write_discrepancy (Gen               *gen,
                   GString           *out,
                   guint              index,
                   const Discrepancy *d)
{
  g_string_append_printf (out, "{\"id\":\"disc-%u\"", index);
  append_string_member (out, "topic", d->topic);
  append_key (out, "claims");
  g_string_append_c (out, '[');
  for (guint c = 0; c < d->n_claims; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"value\":");
      append_escaped (out, d->claims[c].value);
      append_sources (out, d->claims[c].sources, d->claims[c].n_sources);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  if (d->resolution != NULL)
    {
      Source reference = { 0, NULL, (char *) "Annual report of the company, filed with the regulator" };

      append_key (out, "resolution");
      g_string_append (out, "{\"summary\":");
      append_escaped (out, d->resolution);
      append_sources (out, &reference, 1);
      g_string_append_c (out, '}');
    }
  append_key (out, "entities");
  g_string_append_c (out, '[');
  append_escaped (out, gen->entities[d->entity].id);
  g_string_append_c (out, ']');
  if (d->event != G_MAXUINT)
    g_string_append_printf (out, ",\"events\":[\"ev-%u\"]", d->event);
  g_string_append_c (out, '}');
}

static void
begin_array (GString    *out,
             const char *key)
{
  g_string_append_printf (out, ",\n\"%s\":[\n", key);
}

static void
next_item (GString *out,
           guint    index)
{
  if (index > 0)
    g_string_append (out, ",\n");
}

int
main (int   argc,
      char *argv[])
{
  int n_articles = 100, n_events = -1, n_entities = -1, n_relations = -1, n_discrepancies = -1;
  int article_bytes = 5000, start_year = 2015, years = 11;
  gint64 seed = 1;
  g_autofree char *output = NULL;
  gboolean quiet = FALSE;
  const GOptionEntry entries[] = {
    { "articles", 'a', 0, G_OPTION_ARG_INT, &n_articles, "Number of articles (100)", "N" },
    { "events", 'e', 0, G_OPTION_ARG_INT, &n_events, "Number of events (10 per article)", "M" },
    { "entities", 'n', 0, G_OPTION_ARG_INT, &n_entities, "Number of entities (one per two articles, 20 to 5,000)", "K" },
    { "relations", 'r', 0, G_OPTION_ARG_INT, &n_relations, "Number of relations (5 per article)", "R" },
    { "discrepancies", 'd', 0, G_OPTION_ARG_INT, &n_discrepancies, "Number of discrepancies (one per 50 articles)", "D" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the generator (1)", "S" },
    { "article-bytes", 'b', 0, G_OPTION_ARG_INT, &article_bytes, "Body text per article, in bytes, ±20% (5000)", "B" },
    { "start-year", 0, 0, G_OPTION_ARG_INT, &start_year, "First year of the story (2015)", "YEAR" },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, "Years the story spans (11)", "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write the dossier (- for standard output)", "FILE" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Print nothing on success", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- write a generated dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = NULL;
  gint64 start = g_get_monotonic_time ();
  Gen gen = { { 0 } };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("dossier-generate: %s\n", error->message);
      return 2;
    }
  if (output == NULL)
    {
      g_printerr ("dossier-generate: -o FILE is required\n");
      return 2;
    }
  if (n_events < 0)
    n_events = 10 * n_articles;
  if (n_relations < 0)
    n_relations = 5 * n_articles;
  if (n_entities < 0)
    n_entities = CLAMP (n_articles / 2, 20, 5000);
  if (n_discrepancies < 0)
    n_discrepancies = n_articles / 50;
  if (n_articles < 1 || n_entities < 2 || n_events < 0 || n_relations < 0 || n_discrepancies < 0 ||
      article_bytes < 100 || start_year < 1 || years < 1 || start_year + years > 9999)
    {
      g_printerr ("dossier-generate: need at least 1 article, 2 entities, 100 bytes per article "
                  "and years within 0001..9999\n");
      return 2;
    }

  gen.rng.state = (guint64) seed;
  gen.n_articles = n_articles;
  gen.n_events = n_events;
  gen.n_entities = n_entities;
  gen.n_relations = n_relations;
  gen.n_discrepancies = n_discrepancies;
  gen.article_bytes = article_bytes;
  gen.start_year = start_year;
  gen.years = years;
  gen.events = g_new0 (Event, MAX (n_events, 1));
  gen.relations = g_new0 (Relation, MAX (n_relations, 1));
  gen.pending = g_new0 (GPtrArray *, n_articles);

  make_entities (&gen);
  /* Discrepancies before articles: their claims go into the articles. */
  gen.n_cast = 1;
  gen.cast[0] = 0;
  plan_discrepancies (&gen);

  out = g_string_sized_new ((gsize) n_articles * (article_bytes + 3000) + 4096);
  g_string_append (out, "{\"format\":\"dossier/1\"");
  g_string_append_printf (out, ",\"id\":\"generated-%" G_GINT64_FORMAT "-%d\"", seed, n_articles);
  g_string_append_printf (out, ",\"title\":\"Generated dossier: %d articles (seed %" G_GINT64_FORMAT ")\"",
                          n_articles, seed);
  g_string_append (out, ",\"description\":\"Written by tests/dossier-generate for benchmarks. "
                        "The companies, people and events in it are invented.\"");
  g_string_append (out, ",\"language\":\"en\"");

  begin_array (out, "articles");
  for (guint i = 0; i < gen.n_articles; i++)
    {
      next_item (out, i);
      write_article (&gen, out, i);
    }
  g_string_append (out, "\n]");

  begin_array (out, "entities");
  for (guint i = 0; i < gen.n_entities; i++)
    {
      next_item (out, i);
      write_entity (out, &gen.entities[i]);
    }
  g_string_append (out, "\n]");

  begin_array (out, "events");
  for (guint i = 0; i < gen.n_events; i++)
    {
      next_item (out, i);
      write_event (&gen, out, i, &gen.events[i]);
    }
  g_string_append (out, "\n]");

  begin_array (out, "relations");
  for (guint i = 0; i < gen.n_relations; i++)
    {
      next_item (out, i);
      write_relation (&gen, out, i, &gen.relations[i]);
    }
  g_string_append (out, "\n]");

  begin_array (out, "discrepancies");
  for (guint i = 0; i < gen.n_discrepancies; i++)
    {
      next_item (out, i);
      write_discrepancy (&gen, out, i, &gen.discrepancies[i]);
    }
  g_string_append (out, "\n]\n}\n");

  if (strcmp (output, "-") == 0)
    {
      if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
        {
          g_printerr ("dossier-generate: cannot write to standard output\n");
          return 1;
        }
    }
  else if (!g_file_set_contents (output, out->str, out->len, &error))
    {
      g_printerr ("dossier-generate: %s\n", error->message);
      return 1;
    }

  if (!quiet)
    g_printerr ("dossier-generate: %s: %u articles, %u entities, %u events, %u relations, "
                "%u discrepancies; %.1f MB (%.0f bytes per article) in %.2f s\n",
                output, gen.n_articles, gen.n_entities, gen.n_events, gen.n_relations,
                gen.n_discrepancies, out->len / 1e6, (double) out->len / gen.n_articles,
                (g_get_monotonic_time () - start) / 1e6);
  /* 128 MiB: DOSSIER_MAX_FILE_SIZE, which the app refuses to open. */
  if (out->len > 128 * 1024 * 1024)
    g_printerr ("dossier-generate: warning: %s is %.1f MiB, over the 128 MiB the app opens\n",
                output, out->len / 1048576.0);

  /* The process ends here; the OS takes the memory back faster than
   * freeing the items one by one would. */
  return 0;
}
