"""ZIA answers whose shape is not the generic one (issue #16): reference tables the API serves.

* ``cloudApplications/policy`` and ``/sslPolicy`` list the cloud applications a policy can name
  (``app``, ``appName``, ``parent``, ``parentName``; ``appClass`` and ``search`` filter);
  ``groupResults=true`` answers an object counting them per application class
  (``"[Webmail, WEB_MAIL]": 3``).
* ``nssFeeds/feedOutputDefaults`` is an object: output type -> its default feed format.
* ``webApplicationRules/ruleTypeMapping`` is an object: application class name -> rule type.
* ``urlFilteringRules/{id}`` reads a rule whose ``urlCategories`` is ``["ANY"]`` (every
  category, the default) without the key; its create and update answers echo it.
* ``sandbox/report/{md5}`` for a file the sandbox never saw answers 200 with the
  ``CONTENT_NOTFOUND`` summary (under ``Full Details`` when ``details=full``).
"""

from __future__ import annotations

from typing import Any

from . import behavior

V1 = "/zia/api/v1"

#: (app, app name, application class, class name): a few of the cloud application catalog
CLOUD_APPS = (
    ("GOOGLE_WEBMAIL", "Gmail", "WEB_MAIL", "Web Mail"),
    ("YAHOO_WEBMAIL", "Yahoo! Mail", "WEB_MAIL", "Web Mail"),
    ("WINDOWS_LIVE_HOTMAIL", "Outlook (Office 365)", "WEB_MAIL", "Web Mail"),
    ("CHATGPT_AI", "ChatGPT", "AI_ML", "AI & ML Applications"),
    ("GOOGLE_GEMINI", "Google Gemini", "AI_ML", "AI & ML Applications"),
    ("SLACK", "Slack", "INSTANT_MESSAGING", "Instant Messaging"),
    ("DROPBOX", "Dropbox", "FILE_SHARE", "File Sharing"),
    ("YOUTUBE", "YouTube", "STREAMING", "Streaming Media"),
    ("LINKEDIN", "LinkedIn", "SOCIAL_NETWORKING", "Social Networking"),
    ("GITHUB", "GitHub", "SYSTEM_AND_DEVELOPMENT", "System & Development"),
)

#: (name, id) of every cloud application class (``groupResults`` counts per class, 0 included)
APP_CLASSES = (
    ("AI & ML Applications", "AI_ML"), ("Collaboration and Online Meetings", "ENTERPRISE_COLLABORATION"),
    ("Consumer", "CONSUMER"), ("DNS Over HTTPS Services", "DNS_OVER_HTTPS"), ("File Sharing", "FILE_SHARE"),
    ("Finance", "FINANCE"), ("Health Care", "HEALTH_CARE"), ("Hosting Providers", "HOSTING_PROVIDER"),
    ("Human Resources", "HUMAN_RESOURCES"), ("IT Services", "IT_SERVICES"), ("Instant Messaging", "INSTANT_MESSAGING"),
    ("Legal", "LEGAL"), ("Productivity and CRM Tools", "BUSINESS_PRODUCTIVITY"),
    ("Sales & Marketing", "SALES_AND_MARKETING"), ("Social Networking", "SOCIAL_NETWORKING"),
    ("Streaming Media", "STREAMING"), ("System & Development", "SYSTEM_AND_DEVELOPMENT"), ("Web Mail", "WEB_MAIL"),
)

#: application class name -> the rule type of ``webApplicationRules/{rule_type}``
RULE_TYPES = {
    "AI & ML Applications": "AI_ML", "Collaboration and Online Meetings": "ENTERPRISE_COLLABORATION",
    "Consumer": "CONSUMER", "Custom Applications": "CUSTOM_CAPP", "DNS Over HTTPS Services": "DNS_OVER_HTTPS",
    "File Sharing": "FILE_SHARE", "Finance": "FINANCE", "Health Care": "HEALTH_CARE",
    "Hosting Providers": "HOSTING_PROVIDER", "Human Resources": "HUMAN_RESOURCES", "IT Services": "IT_SERVICES",
    "Instant Messaging": "INSTANT_MESSAGING", "Legal": "LEGAL", "Productivity and CRM Tools": "BUSINESS_PRODUCTIVITY",
    "Sales & Marketing": "SALES_AND_MARKETING", "Social Networking": "SOCIAL_NETWORKING",
    "System & Development": "SYSTEM_AND_DEVELOPMENT", "Video Streaming": "STREAMING_MEDIA", "Webmail": "WEBMAIL",
}

_FIELDS = ("time", "login", "proto", "eurl", "action", "appname", "urlcat", "reqsize", "respsize", "location")


def _format(sep: str, quote: str = "") -> str:
    return sep.join(f"{quote}%s{{{f}}}{quote}" for f in _FIELDS) + "\n"


#: NSS feed output type -> its default format (the web log fields, in the type's syntax)
FEED_OUTPUT_DEFAULTS = {
    "TAB_SEPARATED": _format("\t"),
    "CSV": _format(",", '"'),
    "NAME_VALUE_PAIRS": " ".join(f"{f}=%s{{{f}}}" for f in _FIELDS) + "\n",
    "JSON": "{" + ",".join(f'"{f}":"%s{{{f}}}"' for f in _FIELDS) + "}\n",
    "SPLUNK_CIM": " ".join(f"{f}=%s{{{f}}}" for f in _FIELDS) + "\n",
    "QRADAR": "LEEF:1.0|Zscaler|NSS|4.1|%s{action}|" + "\t".join(f"{f}=%s{{{f}}}" for f in _FIELDS) + "\n",
    "ARCSIGHT_CEF": "CEF:0|Zscaler|NSSWeblog|5.0|%s{action}|%s{reason}|3|" + " ".join(
        f"{f}=%s{{{f}}}" for f in _FIELDS) + "\n",
    "LOGRHYTHM": _format("\t"),
    "MCAS": _format(",", '"'),
    "RSA_SECURITY": _format(" "),
    "SYMANTEC_MSS": _format("|"),
}


def _apps(engine: Any, ctx: Any, route: Any, params: Any) -> list[dict[str, Any]]:
    """The catalog's applications, then those stored at the route (``seed()``), filtered."""
    coll = engine.store.collection(engine.collection_key(route, params))
    catalog = {a: {"app": a, "appName": n, "parent": p, "parentName": pn} for a, n, p, pn in CLOUD_APPS}
    stored = list(coll.values()) if coll is not None else []
    apps = [o for a, o in catalog.items() if a not in {s.get("app") for s in stored}] + stored
    cls, search = ctx.q("appClass"), (ctx.q("search") or "").lower()
    return [a for a in apps if (not cls or cls == a.get("parent"))
            and (not search or search in str(a.get("appName", a.get("name", ""))).lower()
                 or search in str(a.get("app", "")).lower())]


@behavior("zia", "GET", V1 + "/cloudApplications/policy", no_pending=True)
@behavior("zia", "GET", V1 + "/cloudApplications/sslPolicy", no_pending=True)
def cloud_app_policy(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The cloud applications a policy can name; ``groupResults=true``: counts per class."""
    apps = _apps(engine, ctx, route, params)
    if str(ctx.q("groupResults") or "").lower() == "true":
        counts = {f"[{name}, {cid}]": 0 for name, cid in APP_CLASSES}
        for a in apps:
            if a.get("parent"):
                key = f"[{a.get('parentName', a['parent'])}, {a['parent']}]"
                counts[key] = counts.get(key, 0) + 1
        return engine.json_response(200, counts)
    page, size = int(ctx.q("page") or 1), int(ctx.q("pageSize") or 1000)
    return engine.json_response(200, apps[(page - 1) * size:page * size])


@behavior("zia", "GET", V1 + "/nssFeeds/feedOutputDefaults", no_pending=True)
def feed_output_defaults(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """Output type -> its default feed format (an object)."""
    return engine.json_response(200, dict(FEED_OUTPUT_DEFAULTS))


@behavior("zia", "GET", V1 + "/webApplicationRules/ruleTypeMapping", no_pending=True)
def rule_type_mapping(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """Application class name -> the rule type its cloud application control rules are filed under."""
    return engine.json_response(200, dict(RULE_TYPES))


@behavior("zia", "GET", V1 + "/sandbox/report/{md5_hash}", no_pending=True)
def sandbox_report(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """A stored report, else the sandbox's answer for content it never analysed (200, CONTENT_NOTFOUND)."""
    coll = engine.store.collection(V1 + "/sandbox/report")
    stored = coll.items.get(params["md5_hash"]) if coll is not None else None
    if stored is not None:
        return engine.json_response(200, stored)
    section = "Full Details" if str(ctx.q("details") or "").lower() == "full" else "Summary"
    return engine.json_response(200, {section: {"Summary": {"Status": "CONTENT_NOTFOUND",
                                                            "Message": "Content lookup failed."}}})


@behavior("zia", "GET", V1 + "/urlFilteringRules/{rule_id}")
def get_url_filtering_rule(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The rule; ``urlCategories: ["ANY"]`` is the default and is not answered."""
    resp = engine.default(ctx, route, params)
    if resp.status != 200 or resp.value.get("urlCategories") != ["ANY"]:
        return resp
    rule = resp.copy_value()
    del rule["urlCategories"]
    return engine.json_response(200, rule)
