// The top of a signed-in screen: its title, who is signed in and where (the place said once:
// "Tổ trưởng Tổ dân phố 1", not "… · Tổ dân phố 1" again), help, and signing out.
import { text } from './i18n/index.ts';
import { routeHref } from './router.ts';
import { useServices } from './services.ts';

/** Who is signed in, and where unless the name already says it. */
export function who(displayName: string, place: string): string {
  if (!place || displayName.toLocaleLowerCase('vi').includes(place.toLocaleLowerCase('vi'))) return displayName;
  return `${displayName} · ${place}`;
}

export function SignedInHeader(props: { title: string; place: string }) {
  const { session, signOut } = useServices();
  return (
    <header class="top">
      <div>
        <h1>{props.title}</h1>
        <p class="muted">{who(session.user.displayName, props.place)}</p>
      </div>
      <div class="top-actions">
        <a class="link" href={routeHref({ screen: 'help' })}>
          {text.help.link}
        </a>
        <button class="link" onClick={() => void signOut()}>
          {text.signIn.signOut}
        </button>
      </div>
    </header>
  );
}
