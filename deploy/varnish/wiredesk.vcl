vcl 4.1;
# Varnish in front of Wiredesk's app nodes (Varnish 7.1 + vmod xkey from Debian's
# varnish-modules). What it does, top to bottom:
#   - round-robins requests over the app nodes, each health-probed on /healthz;
#   - caches pages and feeds for as long as the app's Cache-Control says (max-age),
#     and serves them stale while revalidating for as long as it says
#     (stale-while-revalidate), as RFC 5861 has it;
#   - keeps every object 6 h past that, served only when no app node is healthy;
#   - drops objects by surrogate key on `PURGE` with an `xkey-purge: key1 key2`
#     header (the app sends one after each publish), from the `purgers` ACL only;
#   - strips cookies from anonymous reads, but for the reader's edition on `/`.
# test/proxy/varnish.test.ts runs this file against a real app (backends substituted).

import std;
import directors;
import xkey;

# A node is taken out after 3 of its last 5 probes fail (about 6 s) and put back after
# 3 succeed. It starts healthy: a cold cache has nothing stale to offer anyway.
probe healthz {
    .url = "/healthz";
    .interval = 2s;
    .timeout = 1s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
}

# One backend per app node (deploy/compose.yaml names them app1 and app2); add new
# nodes here and to the director in vcl_init. Names are resolved when the VCL loads.
backend app1 {
    .host = "app1";
    .port = "3000";
    .probe = healthz;
    .connect_timeout = 1s;
    .first_byte_timeout = 15s;
}

backend app2 {
    .host = "app2";
    .port = "3000";
    .probe = healthz;
    .connect_timeout = 1s;
    .first_byte_timeout = 15s;
}

# Who may PURGE and BAN, and read /metrics: this host and the app nodes, by address
# (deploy/compose.yaml fixes them; put yours here). Not the whole container network:
# connections forwarded from a published port can arrive from its gateway address.
acl purgers {
    "localhost";
    "127.0.0.1";
    "::1";
    "172.30.0.11";
    "172.30.0.12";
}

sub vcl_init {
    new nodes = directors.round_robin();
    nodes.add_backend(app1);
    nodes.add_backend(app2);
}

sub vcl_recv {
    set req.backend_hint = nodes.backend();
    # Our own marker for a second look-up (see vcl_hit); never taken from a client.
    if (req.restarts == 0) {
        unset req.http.X-Wiredesk-Refresh;
    }

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            # Hard purge: a withdrawn story must not be served again, not even stale.
            set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.X-Purged));
        }
        # No keys: purge this one URL.
        return (purge);
    }
    if (req.method == "BAN") {
        # For operators: `BAN /` with `X-Ban-Url: ^/news/` drops everything under /news/.
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.X-Ban-Url) {
            return (synth(400, "BAN needs an X-Ban-Url regex"));
        }
        if (!std.ban("req.url ~ " + req.http.X-Ban-Url)) {
            return (synth(400, "Bad ban: " + std.ban_error()));
        }
        return (synth(200, "Banned"));
    }

    # Probes and metrics are the app's own business: never cached, metrics never public.
    if (req.url ~ "^/metrics(\?|$)" && client.ip !~ purgers) {
        return (synth(403, "Forbidden"));
    }
    if (req.url ~ "^/(healthz|readyz|metrics)(\?|$)") {
        return (pass);
    }
    # The newsroom desk is for signed-in editors: straight through, cookies and all.
    if (req.url ~ "^/desk(/|\?|$)") {
        return (pass);
    }

    # Reader pages: the one cookie the site sets is the reader's chosen edition, which
    # only `/` reads (it answers Vary: Cookie). There, keep that cookie alone, so each
    # edition's front page is one cached variant; anywhere else any cookie (analytics, a
    # stray one from elsewhere on the domain) would only make the request uncacheable.
    if (req.method == "GET" || req.method == "HEAD") {
        if (req.url ~ "^/(\?|$)" && req.http.Cookie ~ "(^|;)\s*edition=[a-z0-9-]+\s*(;|$)") {
            set req.http.Cookie = regsub(req.http.Cookie, "^(.*;)?\s*(edition=[a-z0-9-]+)\s*(;.*)?$", "\2");
        } else {
            unset req.http.Cookie;
        }
    }

    # Second look-up for a copy too stale to serve while an app node is up: ignore
    # grace, so this request waits for a fresh copy (see vcl_hit). If that fails, a
    # third look-up goes back to the objects' own grace (req.grace survives restarts
    # and only ever lowers an object's grace, so a day means "the object's").
    if (req.http.X-Wiredesk-Refresh == "1") {
        set req.grace = 0s;
    } elsif (req.http.X-Wiredesk-Refresh == "failed") {
        set req.grace = 1d;
    }
    # The edition cookie kept above is looked up like any read (the built-in vcl_recv
    # would pass every request with a cookie).
    if ((req.method == "GET" || req.method == "HEAD") && req.http.Cookie && !req.http.Authorization) {
        return (hash);
    }
    # Then the built-in vcl_recv: only GET and HEAD are looked up; requests with an
    # Authorization header pass.
}

sub vcl_hit {
    # Past max-age and past the app's stale-while-revalidate window: grace that long is
    # for outages only. While a node is healthy, look again without grace (a miss that
    # fetches and waits) instead of serving the old copy. Skipped on the look-up after a
    # failed refresh ("failed"), so that copy is what the reader gets.
    if (obj.ttl + std.duration(obj.http.X-Wiredesk-Swr, 0s) < 0s
        && !req.http.X-Wiredesk-Refresh
        && std.healthy(req.backend_hint)) {
        set req.http.X-Wiredesk-Refresh = "1";
        return (restart);
    }
    # Otherwise deliver: fresh, or stale within stale-while-revalidate (a background
    # fetch refreshes it), or stale within 6 h when no node is healthy.
}

sub vcl_backend_response {
    # Varnish has read max-age into beresp.ttl and stale-while-revalidate into
    # beresp.grace. Remember the app's window, then keep the object 6 h past it for
    # outages (vcl_hit decides which applies).
    set beresp.http.X-Wiredesk-Swr = beresp.grace + "s";
    set beresp.grace = 6h;

    # A refresh that fails (the app answers 5xx, say with its database down) must not
    # replace the copy readers are getting: abandon it, as vcl_backend_error does.
    if (beresp.status >= 500 && (bereq.is_bgfetch || bereq.http.X-Wiredesk-Refresh == "1")) {
        return (abandon);
    }
    # Pages and feeds go out compressed; the app leaves that to us.
    if (beresp.http.Content-Type ~ "^(text/|application/(rss\+xml|xml|json))") {
        set beresp.do_gzip = true;
    }
    # Then the built-in vcl_backend_response: no-store, private, Set-Cookie and the
    # like are not cached.
}

sub vcl_backend_error {
    # The app is unreachable. Abandoning the fetch keeps the old copy in the cache
    # (delivering this error would replace it): for a background refresh, readers go
    # on getting that copy; for vcl_hit's refresh, vcl_synth looks it up again.
    if (bereq.is_bgfetch || bereq.http.X-Wiredesk-Refresh == "1") {
        return (abandon);
    }
}

sub vcl_synth {
    # The refresh vcl_hit asked for was abandoned (the node died before its probes
    # showed it, or answered 5xx): look up once more, taking the stale copy this time.
    if (resp.status == 503 && req.http.X-Wiredesk-Refresh == "1") {
        set req.http.X-Wiredesk-Refresh = "failed";
        return (restart);
    }
}

sub vcl_deliver {
    if (obj.hits == 0) {
        set resp.http.X-Cache = "MISS";
    } elsif (obj.ttl >= 0s) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "HIT-STALE";
    }
    # Internal to this proxy. Surrogate-Key and Cache-Tag stay, for a CDN in front;
    # a CDN strips them before readers (and they name nothing a page does not show).
    unset resp.http.xkey;
    unset resp.http.X-Wiredesk-Swr;
}
