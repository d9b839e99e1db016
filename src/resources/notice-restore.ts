import { noticeInput } from '../domain/resources/schemas.ts';
import { type RestorableKind, restoredThroughUpdate } from '../kernel/history/restore.ts';
import type { NoticeService } from './notice.service.ts';

/** Notices brought back to an earlier version from the history, through the notice service's update. */
export function noticeRestore(notices: NoticeService): RestorableKind {
  return restoredThroughUpdate({
    entite: 'notice',
    permission: 'ressources',
    schema: noticeInput,
    update: (actor, id, input, expected, how) => notices.update(actor, id, input, expected, how),
    recreate: (actor, id, input, version) => notices.recreate(actor, id, input, version),
  });
}
