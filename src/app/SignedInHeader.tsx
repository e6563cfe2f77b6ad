// The top of a signed-in screen: its title, who is signed in and where, and signing out.
import { text } from './i18n/index.ts';
import { useServices } from './services.ts';

export function SignedInHeader(props: { title: string; place: string }) {
  const { session, signOut } = useServices();
  return (
    <header class="top">
      <div>
        <h1>{props.title}</h1>
        <p class="muted">
          {session.user.displayName} · {props.place}
        </p>
      </div>
      <button class="link" onClick={() => void signOut()}>
        {text.signIn.signOut}
      </button>
    </header>
  );
}
