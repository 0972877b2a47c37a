// Owns Balie's HTML templates (kainjow mustache: {{x}} is HTML-escaped, {{{x}}} only ever holds
// HTML this program rendered itself) and its stylesheet. No inline script or style: the CSP forbids it.
#pragma once

namespace brugpunt::balie::templates {

inline constexpr const char* kLayout = R"html(<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} · Brugpunt Balie</title>
<link rel="stylesheet" href="/static/balie.css">
</head>
<body>
<header>
<nav>
<a class="brand" href="/">Brugpunt Balie</a>
{{#requests}}
<a href="/inbox?state=new">Nieuw <span class="count" id="count-new">{{fresh}}</span></a>
<a href="/inbox?state=claimed">In behandeling <span class="count" id="count-claimed">{{claimed}}</span></a>
<a href="/inbox?state=followup">Opvolging <span class="count" id="count-followup">{{follow_up}}</span></a>
<a href="/inbox?state=closed">Afgesloten <span class="count" id="count-closed">{{closed}}</span></a>
{{/requests}}
<a href="/vraag">Wat bezoekers zoeken</a>
{{#admin}}
<a href="/kiosks">Kiosks</a>
<a href="/users">Gebruikers</a>
<a href="/settings">Instellingen</a>
<a href="/audit">Logboek</a>
{{/admin}}
<form class="inline" method="post" action="/logout">
<input type="hidden" name="csrf" value="{{csrf}}">
<button type="submit" class="secondary">Afmelden ({{user}})</button>
</form>
</nav>
</header>
<main>
{{#flash}}<p class="flash">{{flash}}</p>{{/flash}}
<h1>{{title}}</h1>
{{{content}}}
</main>
</body>
</html>
)html";

inline constexpr const char* kLogin = R"html(<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Aanmelden · Brugpunt Balie</title>
<link rel="stylesheet" href="/static/balie.css">
</head>
<body>
<main class="narrow">
<h1>Brugpunt Balie</h1>
{{#error}}<p class="flash error" id="login-error">{{error}}</p>{{/error}}
<form method="post" action="/login">
<input type="hidden" name="csrf" value="{{csrf}}">
<label>Gebruikersnaam <input name="user" autocomplete="username" required></label>
<label>Wachtwoord <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Aanmelden</button>
</form>
</main>
</body>
</html>
)html";

inline constexpr const char* kInbox = R"html(<form class="lookup" method="get" action="/inbox">
<label>Referentiecode <input name="ref" placeholder="K7Q-4XM" value="{{ref}}"></label>
<button type="submit">Zoek</button>
</form>
{{#not_found}}<p class="flash error">Geen aanvraag met code {{ref}}.</p>{{/not_found}}
<table id="inbox">
<thead><tr><th>Ontvangen</th><th>Code</th><th>Kiosk</th><th>Waarover</th><th>Kinderen</th><th>Contact</th><th>Taal</th><th>Liefst</th><th>Hulp</th><th>Stand</th></tr></thead>
<tbody>
{{#rows}}
<tr class="{{#late}}late{{/late}}">
<td>{{age}}</td>
<td><a href="/request/{{id}}">{{reference}}</a></td>
<td>{{kiosk}}</td>
<td>{{about}}</td>
<td>{{children}}</td>
<td>{{contact}}</td>
<td>{{language}}</td>
<td>{{day_parts}}</td>
<td>{{help}}</td>
<td>{{status}}{{#late}} <strong>{{late}}</strong>{{/late}}</td>
</tr>
{{/rows}}
{{^rows}}<tr><td colspan="10">Geen aanvragen.</td></tr>{{/rows}}
</tbody>
</table>
{{#pager}}<nav class="pager" id="pager">{{#previous}}<a href="{{previous}}" rel="prev">← Vorige</a> {{/previous}}Pagina {{page}} van {{pages}} ({{total}}){{#next}} <a href="{{next}}" rel="next">Volgende →</a>{{/next}}</nav>{{/pager}}
{{#show_interest}}
<h2>Laat me weten wanneer het opengaat</h2>
{{#groups}}
<section class="group">
<h3>{{title}} <span class="count">{{count}}</span></h3>
<ul>{{#items}}<li class="{{#late}}late{{/late}}"><a href="/request/{{id}}">{{reference}}</a> · {{contact}} · {{language}} · {{age}}</li>{{/items}}</ul>
</section>
{{/groups}}
{{^groups}}<p>Niemand wacht op een opening.</p>{{/groups}}
{{/show_interest}}
)html";

inline constexpr const char* kClosed =
    R"html(<p>Afgesloten aanvragen bewaren alleen wat anoniem is: datum, kiosk, activiteit, taal en uitkomst.</p>
<table id="closed">
<thead><tr><th>Ontvangen</th><th>Code</th><th>Kiosk</th><th>Waarover</th><th>Taal</th><th>Uitkomst</th></tr></thead>
<tbody>
{{#rows}}<tr><td>{{date}}</td><td>{{reference}}</td><td>{{kiosk}}</td><td>{{about}}</td><td>{{language}}</td><td>{{outcome}}</td></tr>{{/rows}}
{{^rows}}<tr><td colspan="6">Nog niets afgesloten.</td></tr>{{/rows}}
</tbody>
</table>
{{#pager}}<nav class="pager" id="pager">{{#previous}}<a href="{{previous}}" rel="prev">← Vorige</a> {{/previous}}Pagina {{page}} van {{pages}} ({{total}}){{#next}} <a href="{{next}}" rel="next">Volgende →</a>{{/next}}</nav>{{/pager}}
)html";

inline constexpr const char* kRequest = R"html(<dl class="request {{#late}}late{{/late}}" id="request">
<dt>Code</dt><dd id="reference">{{reference}}</dd>
<dt>Soort</dt><dd>{{kind}}</dd>
<dt>Ontvangen</dt><dd>{{received}} ({{age}})</dd>
<dt>Kiosk</dt><dd>{{kiosk}}</dd>
<dt>Waarover</dt><dd id="about">{{about}}</dd>
<dt>Kinderen</dt><dd>{{children}}</dd>
<dt>Contact</dt><dd id="contact">{{contact}}</dd>
<dt>Taal</dt><dd>{{language}}</dd>
<dt>Liefst</dt><dd>{{day_parts}}</dd>
<dt>Hulp gevraagd</dt><dd id="help">{{help}}</dd>
<dt>Stand</dt><dd id="status">{{status}}</dd>
<dt>Gebeld, geen antwoord</dt><dd id="attempts">{{attempts}}</dd>
{{#outcome}}<dt>Uitkomst</dt><dd id="outcome">{{outcome}}</dd>{{/outcome}}
{{#follow_up}}<dt>Opvolgen op</dt><dd id="follow-up">{{follow_up}}</dd>{{/follow_up}}
{{#note}}<dt>Notitie</dt><dd id="note">{{note}}</dd>{{/note}}
{{#late}}<dt>Let op</dt><dd><strong>{{late}}</strong></dd>{{/late}}
</dl>
{{#open}}
<div class="actions">
{{^mine}}
<form method="post" action="/request/{{id}}/claim"><input type="hidden" name="csrf" value="{{csrf}}">
<button type="submit" id="claim">Ik neem dit op</button></form>
{{/mine}}
<form method="post" action="/request/{{id}}/attempt"><input type="hidden" name="csrf" value="{{csrf}}">
<button type="submit" id="attempt" class="secondary">Gebeld, geen antwoord</button></form>
</div>
<form method="post" action="/request/{{id}}/update" id="update">
<input type="hidden" name="csrf" value="{{csrf}}">
<label>Uitkomst <select name="outcome">{{#outcomes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/outcomes}}</select></label>
<label>Opvolgen op <input type="date" name="follow_up" value="{{follow_up}}"></label>
<label>Korte notitie <textarea name="note" maxlength="500" rows="2">{{note}}</textarea></label>
<small>Schrijf geen gevoelige details (gezondheid, verblijfsstatus, financiën): alleen wat de volgende collega nodig heeft.</small>
<button type="submit" id="save">Bewaar</button>
</form>
<form method="post" action="/request/{{id}}/close" id="close">
<input type="hidden" name="csrf" value="{{csrf}}">
<label>Afsluiten met uitkomst <select name="outcome">{{#outcomes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/outcomes}}</select></label>
<small>Afsluiten wist het telefoonnummer, de leeftijden, de voorkeuren en de notitie. Dat kan niet ongedaan.</small>
<button type="submit" class="danger" id="close-button">Afsluiten en wissen</button>
</form>
{{/open}}
)html";

inline constexpr const char* kFleet = R"html({{#enrolled}}
<section class="enrolled" id="enrolled">
<h2>Kiosk {{id}} is ingeschreven</h2>
<p>Plak deze regels in het configuratiebestand van de kiosk. Het geheim wordt maar één keer getoond.</p>
<pre id="config-lines">{{lines}}</pre>
</section>
{{/enrolled}}
<p id="published">Gepubliceerde catalogus: {{published}} ({{published_source}}).{{#published_error}} <strong>{{published_error}}</strong>{{/published_error}}</p>
<table id="fleet">
<thead><tr><th>Kiosk</th><th>Laatste heartbeat</th><th>Catalogus</th><th>Wachtrij</th><th>Uptime</th><th>Laatste fout</th><th></th></tr></thead>
<tbody>
{{#kiosks}}
<tr class="{{#red}}late{{/red}}">
<td>{{id}}{{#revoked}} (ingetrokken){{/revoked}}</td>
<td>{{heartbeat}}{{#red}} <strong>{{red}}</strong>{{/red}}</td>
<td>{{version}}</td>
<td>{{depth}}</td>
<td>{{uptime}}</td>
<td>{{error}}</td>
<td>{{^revoked}}<form class="inline" method="post" action="/kiosks/revoke"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="id" value="{{id}}"><button type="submit" class="danger">Intrekken</button></form>{{/revoked}}</td>
</tr>
{{/kiosks}}
{{^kiosks}}<tr><td colspan="7">Nog geen kiosks ingeschreven.</td></tr>{{/kiosks}}
</tbody>
</table>
<form method="post" action="/kiosks/enrol" id="enrol">
<input type="hidden" name="csrf" value="{{csrf}}">
<label>Nieuwe kiosk (id, bv. bib-centrum) <input name="id" pattern="[A-Za-z0-9._\-]{1,64}" required></label>
<button type="submit">Inschrijven</button>
</form>
)html";

inline constexpr const char* kUsers = R"html(<table id="users">
<thead><tr><th>Gebruiker</th><th>Rol</th><th>Vergrendeld</th></tr></thead>
<tbody>{{#users}}<tr><td>{{name}}</td><td>{{role}}</td><td>{{locked}}</td></tr>{{/users}}</tbody>
</table>
<form method="post" action="/users" id="new-user">
<input type="hidden" name="csrf" value="{{csrf}}">
<label>Gebruikersnaam <input name="name" pattern="[A-Za-z0-9._\-]{1,64}" required></label>
<label>Rol <select name="role"><option value="balie">balie</option><option value="redacteur">redacteur</option><option value="beheerder">beheerder</option></select></label>
<label>Wachtwoord (minstens 10 tekens) <input name="password" type="password" minlength="10" autocomplete="new-password" required></label>
<button type="submit">Gebruiker maken</button>
</form>
)html";

inline constexpr const char* kSettings = R"html(<form method="post" action="/settings" id="settings">
<input type="hidden" name="csrf" value="{{csrf}}">
<label>Bewaartermijn van open aanvragen (dagen) <input name="retention_days" type="number" min="1" max="365" value="{{retention_days}}"></label>
<small>Open aanvragen die ouder zijn worden afgesloten en hun persoonsgegevens gewist. Kiosks die na deze wijziging ingeschreven worden, krijgen dit getal in hun configuratie, zodat de toestemmingstekst op de kiosk dezelfde termijn noemt; pas het bij kiosks die al draaien aan in hun configuratiebestand (<code>retention_days</code>).</small>
{{#published_read}}<p id="published-read">Gepubliceerde catalogusversie: {{published_version}}{{^published_version}}nog niet gelezen{{/published_version}}, gelezen van de catalogusserver (<code>catalogue_url</code> in balie.conf).</p>{{/published_read}}
{{^published_read}}<label>Gepubliceerde catalogusversie <input name="published_version" type="number" min="0" value="{{published_version}}"></label>
<small>Een kiosk met een oudere versie staat rood op de pagina Kiosks. Leeg: niet controleren. Met <code>catalogue_url</code> in balie.conf leest Balie ze zelf.</small>{{/published_read}}
<button type="submit">Bewaar</button>
</form>
)html";

inline constexpr const char* kDemand =
    R"html(<p>Wat bezoekers op de kiosks openden en zochten, per week sinds de week van {{first_week}}. Alleen tellingen: niets over één bezoeker.</p>
{{#empty}}<p id="no-demand">Nog geen tellingen. Kiosks sturen ze mee met hun heartbeat.</p>{{/empty}}
<div class="charts">
<figure><figcaption>Bezoeken</figcaption>{{{sessions}}}</figure>
<figure><figcaption>Afspraken</figcaption>{{{requests}}}</figure>
<figure><figcaption>Lijsten die leeg bleven</figcaption>{{{empties}}}</figure>
</div>
{{#groups}}
<section class="demand" id="demand-{{id}}">
<h2>{{title}}</h2>
{{#why}}<p><small>{{why}}</small></p>{{/why}}
{{#none}}<p><small>Nog niets geteld.</small></p>{{/none}}
{{^none}}<table><thead><tr><th>Wat</th><th>Per week</th><th>Samen</th></tr></thead><tbody>
{{#rows}}<tr><td>{{label}}</td><td>{{{spark}}}</td><td>{{total}}</td></tr>{{/rows}}
</tbody></table>{{/none}}
</section>
{{/groups}}
)html";

inline constexpr const char* kAudit = R"html(<table id="audit">
<thead><tr><th>Wanneer</th><th>Wie</th><th>Wat</th><th>Code</th></tr></thead>
<tbody>{{#entries}}<tr><td>{{at}}</td><td>{{user}}</td><td>{{action}}</td><td>{{reference}}</td></tr>{{/entries}}</tbody>
</table>
)html";

inline constexpr const char* kError = R"html(<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>{{status}} · Brugpunt Balie</title>
<link rel="stylesheet" href="/static/balie.css"></head>
<body><main class="narrow"><h1>{{status}}</h1><p id="error">{{message}}</p><p><a href="/">Terug naar Balie</a></p></main></body></html>
)html";

// A small classless stylesheet of our own: readable on a desk PC and a tablet, big targets.
inline constexpr const char* kStyle = R"css(
:root { --fg: #1d232a; --bg: #fff; --muted: #5b6670; --line: #d5dbe0; --accent: #1f5fa8; --late: #b3261e; --lateBg: #fdecea; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, "DejaVu Sans", sans-serif; color: var(--fg); background: var(--bg); }
header { background: #f3f5f7; border-bottom: 1px solid var(--line); }
nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; padding: .5rem 1rem; }
nav a { color: var(--accent); text-decoration: none; padding: .4rem .2rem; }
nav .brand { font-weight: 700; color: var(--fg); margin-right: 1rem; }
nav form.inline { margin-left: auto; }
.count { display: inline-block; min-width: 1.6em; padding: 0 .4em; border-radius: 1em; background: var(--accent); color: #fff; text-align: center; font-size: .85em; }
main { padding: 1rem; max-width: 80rem; margin: 0 auto; }
main.narrow { max-width: 28rem; margin-top: 4rem; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { text-align: left; padding: .45rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .85rem; color: var(--muted); font-weight: 600; }
tr.late td, li.late, dl.late { background: var(--lateBg); }
tr.late td:first-child { border-left: 4px solid var(--late); }
.late strong, strong { color: var(--late); }
form { margin: 1rem 0; display: grid; gap: .6rem; max-width: 36rem; }
form.inline, form.lookup { display: flex; gap: .5rem; align-items: end; margin: 0; }
form.lookup { margin: 0 0 1rem; }
label { display: grid; gap: .2rem; font-weight: 600; }
input, select, textarea { font: inherit; padding: .5rem; border: 1px solid var(--line); border-radius: .3rem; min-height: 2.6rem; }
button { font: inherit; padding: .55rem 1rem; min-height: 2.6rem; border: 0; border-radius: .3rem; background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: #e6ebf0; color: var(--fg); }
button.danger { background: var(--late); }
small { color: var(--muted); }
.actions { display: flex; gap: .75rem; flex-wrap: wrap; }
.actions form { margin: 0; }
dl.request { display: grid; grid-template-columns: 14rem 1fr; gap: .35rem 1rem; padding: 1rem; border: 1px solid var(--line); border-radius: .4rem; }
dt { color: var(--muted); }
dd { margin: 0; }
.flash { padding: .6rem 1rem; background: #e8f1fb; border-left: 4px solid var(--accent); }
.flash.error { background: var(--lateBg); border-color: var(--late); }
pre { background: #f3f5f7; padding: 1rem; overflow-x: auto; }
section.group ul { margin: .25rem 0 1rem; }
/* A reference code and a kiosk id are read out whole: never broken at their hyphen. */
#inbox td:nth-child(2), #inbox td:nth-child(3), #closed td:nth-child(2) { white-space: nowrap; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
figure { margin: 0; overflow-x: auto; max-width: 100%; }
figcaption { font-weight: 600; margin-bottom: .25rem; }
section.demand table { width: 40rem; max-width: 100%; table-layout: fixed; }
section.demand th:first-child { width: 18rem; }
section.demand th:last-child { width: 6rem; text-align: right; }
section.demand td:last-child { text-align: right; font-variant-numeric: tabular-nums; }
)css";

}  // namespace brugpunt::balie::templates
