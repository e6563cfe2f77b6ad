// The officer's two logs, loaded on demand (online): the audit trail (record changes with the
// names of the fields changed, and account and office events) and the reads of violence cases.
import { auditPage, caseAccessPage, isOperator, OPERATOR_PREFIX, type AuditEntry, type CaseAccess } from '../../../domain/audit.ts';
import { useConnection } from '../../hooks/useConnection.ts';
import { fill, text } from '../../i18n/index.ts';
import { auditFields, auditTitle, caseReadText } from './auditText.ts';
import { useLog } from './useLog.ts';

const when = (iso: string) => new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });

/** Who did it: a user of the commune by name, or the person running the server (server/admin). */
function who(entry: AuditEntry): string {
  if (!isOperator(entry.userId)) return entry.displayName;
  return fill(text.history.operator, { name: entry.userId.slice(OPERATOR_PREFIX.length) });
}

function Log<E, C extends string | number>(props: {
  title: string;
  intro: string;
  log: ReturnType<typeof useLog<E, C>>;
  online: boolean;
  render: (entry: E) => preact.JSX.Element;
}) {
  const { log } = props;
  return (
    <div class="history-log">
      <h3>{props.title}</h3>
      <p class="muted">{props.intro}</p>
      {log.entries === undefined ? (
        <button class="secondary" type="button" disabled={!props.online} onClick={() => void log.load(null)}>
          {text.history.load}
        </button>
      ) : (
        <>
          {log.entries.length === 0 && <p>{text.history.empty}</p>}
          <ul class="history-list">{log.entries.map(props.render)}</ul>
          {log.next !== null && (
            <button class="secondary" type="button" disabled={!props.online} onClick={() => void log.load(log.next)}>
              {text.history.more}
            </button>
          )}
        </>
      )}
      {log.failed && <p class="error">{text.history.failed}</p>}
    </div>
  );
}

export function HistoryPanel(props: { unitName: (id: string) => string }) {
  const online = useConnection();
  const audit = useLog('/audit', auditPage);
  const access = useLog('/case-access', caseAccessPage);
  return (
    <>
      <Log<AuditEntry, string>
        title={text.history.auditTitle}
        intro={text.history.auditIntro}
        log={audit}
        online={online}
        render={(entry) => (
          <li
            key={`${entry.at}-${entry.kind === 'record' ? `${entry.recordId}-${entry.rev}` : `${entry.action}-${entry.target}`}`}
            data-audit={entry.kind === 'event' ? entry.action : `record.${entry.recordKind}`}
          >
            <strong>{auditTitle(entry, props.unitName)}</strong>
            <br />
            <small>
              {when(entry.at)} · {who(entry)}
              {auditFields(entry) && ` · ${auditFields(entry)}`}
            </small>
          </li>
        )}
      />
      <Log<CaseAccess, number>
        title={text.history.accessTitle}
        intro={text.history.accessIntro}
        log={access}
        online={online}
        render={(entry) => (
          <li key={entry.id} data-case-access={entry.recordId}>
            <strong>{caseReadText(entry, props.unitName)}</strong>
            <br />
            <small>
              {when(entry.at)} · {entry.displayName}
            </small>
          </li>
        )}
      />
    </>
  );
}
