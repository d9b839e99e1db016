import { conflict } from '../domain/errors.ts';
import { noticeInput } from '../domain/resources/schemas.ts';
import type { RestorableKind } from '../kernel/history/restore.ts';
import type { NoticeService } from './notice.service.ts';

/** Notices brought back to an earlier version from the history, through the notice service's update. */
export function noticeRestore(notices: NoticeService): RestorableKind {
  return {
    entite: 'notice',
    permission: 'ressources',
    async restore(actor, id, document, expected) {
      const parsed = noticeInput.safeParse(document);
      if (!parsed.success) {
        throw conflict(
          'Cette version ne respecte plus les règles de saisie actuelles : restauration impossible',
        );
      }
      const written = await notices.update(actor, id, parsed.data, expected, { action: 'restauration' });
      return { version: written.version };
    },
  };
}
