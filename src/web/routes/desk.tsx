// /desk: where editors see how the wire was filed (the classifier's decision and its top
// terms, issue 4) and refile a story; each refiling is a label the classifier learns from.
// Editors sign in with a name and a token (`wiredesk editors add`); the session is a random
// cookie (HttpOnly, SameSite=Strict, path /desk) kept in the store as a hash, so every node
// knows it. Forms are plain POSTs; a POST whose Origin (or Referer) is another site's is
// refused, and sign-in attempts are rate-limited per address. Nothing here is cached.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebContext } from '../context.ts';
import type { PageChange } from '../page-cache.ts';
import { limitedRoute } from '../rate-limit.ts';
import { loadCssAsset } from './assets.ts';
import { articlePath } from '../urls.ts';
import { parsePageParam } from '../pagination.ts';
import { refiledKeys } from '../surrogate-keys.ts';
import { readCookie } from '../edition-cookie.ts';
import { closeSession, findEditorByToken, findSessionEditor, openSession, pruneSessions, type Editor } from '../../store/desk-repository.ts';
import { findStoryById } from '../../store/story-repository.ts';
import { parseStoryId } from './article.ts';
import { listFullStories } from '../../store/story-lists.ts';
import { findStoryCountries, findStoryTags, listStoryLabels, refileStory } from '../../store/geo-repository.ts';
import { explainSector, explainText } from '../../ingest/classify/index.ts';
import { sectorModelFromLabels } from '../../ingest/sector-model-store.ts';
import { LoginForm, renderDeskPage, StoryDesk, WireList, type DeskFrame } from '../views/desk-pages.tsx';

export const DESK_COOKIE = 'wiredesk_desk';
const SESSION_HOURS = 12;
const LIST_SIZE = 50;
const MAX_FORM_BYTES = 16 * 1024;

export interface DeskOptions {
  /** Sign-in attempts a minute per address (0: unlimited). */
  readonly loginPerMinute: number;
  /** Mark the session cookie Secure (the site is served over HTTPS). */
  readonly secureCookie: boolean;
  /** Told what a refiling changed, to tell other nodes and caching proxies (serve). */
  readonly onEdited?: (change: PageChange & { readonly keys: readonly string[] }) => void;
  readonly now?: () => Date;
}

type Form = Record<string, string>;

export function registerDeskRoutes(app: FastifyInstance, ctx: WebContext, opts: DeskOptions): void {
  const now = opts.now ?? (() => new Date());
  const sectors = ctx.site.sectors;
  const css = loadCssAsset('desk');
  const frame = (editor?: Editor): DeskFrame => ({ siteName: ctx.site.name, cssHrefs: [ctx.cssHref, css.href], ...(editor ? { editor: editor.name } : {}) });
  const page = (reply: FastifyReply, status: number, html: string) => reply.code(status).type('text/html; charset=utf-8').send(html);

  const signedIn = async (request: FastifyRequest): Promise<Editor | undefined> => {
    const id = readCookie(request.headers.cookie, DESK_COOKIE);
    return id ? findSessionEditor(ctx.store.db, id, now()) : undefined;
  };

  app.get(css.href, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(css.body));

  void app.register(async (desk) => {
    desk.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: MAX_FORM_BYTES }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    desk.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex').header('x-frame-options', 'DENY');
    });
    // Cross-site form posts (CSRF): the browser names the page a POST came from.
    desk.addHook('preHandler', async (request, reply) => {
      if (request.method === 'POST' && !fromThisSite(request)) return page(reply, 403, renderDeskPage(frame(), 'Refused', <p class="desk-error">This form was sent from another site.</p>));
    });

    desk.get('/desk/login', async (request, reply) => {
      if (await signedIn(request)) return reply.redirect('/desk', 303);
      return page(reply, 200, renderDeskPage(frame(), 'Sign in', <LoginForm />));
    });

    desk.post<{ Body: Form }>('/desk/login', limitedRoute(opts.loginPerMinute), async (request, reply) => {
      const name = String(request.body?.name ?? '').trim();
      const token = String(request.body?.token ?? '').trim();
      const editor = name && token ? await findEditorByToken(ctx.store.db, name, token) : undefined;
      if (!editor) return page(reply, 401, renderDeskPage(frame(), 'Sign in', <LoginForm error="Unknown name or token." name={name} />));
      const at = now();
      await pruneSessions(ctx.store.db, at);
      const session = await openSession(ctx.store.db, editor.id, at, new Date(at.getTime() + SESSION_HOURS * 3_600_000));
      const secure = opts.secureCookie ? '; Secure' : '';
      reply.header('set-cookie', `${DESK_COOKIE}=${session}; Path=/desk; HttpOnly; SameSite=Strict; Max-Age=${SESSION_HOURS * 3600}${secure}`);
      return reply.redirect('/desk', 303);
    });

    desk.post('/desk/logout', async (request, reply) => {
      const id = readCookie(request.headers.cookie, DESK_COOKIE);
      if (id) await closeSession(ctx.store.db, id);
      reply.header('set-cookie', `${DESK_COOKIE}=; Path=/desk; HttpOnly; SameSite=Strict; Max-Age=0`);
      return reply.redirect('/desk/login', 303);
    });

    desk.get<{ Querystring: { sector?: string; page?: string } }>('/desk', async (request, reply) => {
      const editor = await signedIn(request);
      if (!editor) return reply.redirect('/desk/login', 303);
      const sector = sectors.some((s) => s.slug === request.query.sector) ? request.query.sector : undefined;
      const param = parsePageParam(request.query.page);
      if (param.kind === 'bad') return page(reply, 400, renderDeskPage(frame(editor), 'Bad page', <p class="desk-error">A page is a positive whole number.</p>));
      const at = param.kind === 'ok' ? param.page : 1;
      const [stories, model] = await Promise.all([
        // One more than a page: whether there is an older page.
        listFullStories(ctx.store.db, { everyReport: true, ...(sector ? { sector } : {}) }, { limit: LIST_SIZE + 1, offset: (at - 1) * LIST_SIZE }),
        sectorModelFromLabels(ctx.store.db, sectors),
      ]);
      const rows = stories.slice(0, LIST_SIZE).map((story) => ({ story, why: explainSector(story, sectors, model ? { model } : {}) }));
      const list = <WireList rows={rows} sectors={sectors} page={at} hasOlder={stories.length > LIST_SIZE} {...(sector ? { sector } : {})} />;
      return page(reply, 200, renderDeskPage(frame(editor), 'The wire as filed', list));
    });

    desk.get<{ Params: { id: string }; Querystring: { filed?: string } }>('/desk/story/:id', async (request, reply) => {
      const editor = await signedIn(request);
      if (!editor) return reply.redirect('/desk/login', 303);
      const id = parseStoryId(request.params.id);
      const story = id === undefined ? undefined : await findStoryById(ctx.store.db, id);
      if (!story) return page(reply, 404, renderDeskPage(frame(editor), 'No such story', <p class="desk-error">No story {request.params.id}.</p>));
      const [model, countries, tags, labels] = await Promise.all([
        sectorModelFromLabels(ctx.store.db, sectors),
        findStoryCountries(ctx.store.db, story.id),
        findStoryTags(ctx.store.db, story.id),
        listStoryLabels(ctx.store.db, story.id),
      ]);
      const filed = sectors.some((s) => s.slug === request.query.filed) ? request.query.filed : undefined;
      const options = model ? { model } : {};
      const why = explainSector(story, sectors, options);
      const view = {
        story,
        why,
        ...(why.via === 'model' ? {} : { text: explainText(story, sectors, options) }),
        countries,
        tags,
        labels,
        articlePath: articlePath(story),
        learnedFrom: model?.labelled ?? 0,
        ...(filed ? { filed } : {}),
      };
      return page(reply, 200, renderDeskPage(frame(editor), story.headline, <StoryDesk view={view} sectors={sectors} />));
    });

    desk.post<{ Params: { id: string }; Body: Form }>('/desk/story/:id/sector', async (request, reply) => {
      const editor = await signedIn(request);
      if (!editor) return page(reply, 401, renderDeskPage(frame(), 'Sign in', <LoginForm error="Your session has ended: sign in again." />));
      const id = parseStoryId(request.params.id);
      const story = id === undefined ? undefined : await findStoryById(ctx.store.db, id);
      if (!story) return page(reply, 404, renderDeskPage(frame(editor), 'No such story', <p class="desk-error">No story {request.params.id}.</p>));
      const sector = String(request.body?.sector ?? '');
      if (!sectors.some((s) => s.slug === sector)) {
        return page(reply, 400, renderDeskPage(frame(editor), 'Not a sector', <p class="desk-error">"{sector}" is not one of the site's sectors.</p>));
      }
      await refileStory(ctx.store.db, { storyId: story.id, sector, labelledBy: editor.name, labelledAt: now().toISOString() });
      if (sector !== story.sector) {
        const change = { storyIds: [story.id], keys: refiledKeys(story, sector) };
        app.invalidateCaches(change);
        opts.onEdited?.(change);
      }
      return reply.redirect(`/desk/story/${story.id}?filed=${encodeURIComponent(sector)}`, 303);
    });
  });
}

/** Whether a POST came from a page of this site: its Origin, else its Referer, names this host. */
function fromThisSite(request: FastifyRequest): boolean {
  const from = request.headers.origin ?? request.headers.referer;
  if (!from) return false;
  try {
    return new URL(from).host === request.host;
  } catch {
    return false;
  }
}
