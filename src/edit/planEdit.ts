// The one entry point from an edit request to a plan: picks the planner for the request's kind.
// Pure: the same snapshot, request and context always give the same plan.
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import type { EditRequest } from './EditRequest.js';
import type { EditContext, EditPlan } from './EditPlan.js';
import { planEmotionAdd, planEmotionDefine, planEmotionMove, planEmotionRemove, planEmotionRename } from './emotionEdits.js';
import { planTermBlock, planTermUnblock } from './blockEdits.js';
import { planLink } from './linkEdits.js';
import { planTermAdd, planTermMove, planTermRemove, planTermReweight } from './termEdits.js';

export function planEdit(kb: KnowledgeBase, request: EditRequest, ctx: EditContext): EditPlan {
  switch (request.kind) {
    case 'emotion-add':
      return planEmotionAdd(kb, request, ctx);
    case 'emotion-rename':
      return planEmotionRename(kb, request);
    case 'emotion-move':
      return planEmotionMove(kb, request);
    case 'emotion-define':
      return planEmotionDefine(kb, request);
    case 'emotion-remove':
      return planEmotionRemove(kb, request);
    case 'term-add':
      return planTermAdd(kb, request, ctx);
    case 'term-remove':
      return planTermRemove(kb, request);
    case 'term-reweight':
      return planTermReweight(kb, request);
    case 'term-move':
      return planTermMove(kb, request);
    case 'term-block':
      return planTermBlock(kb, request, ctx);
    case 'term-unblock':
      return planTermUnblock(kb, request);
    case 'link-add':
    case 'link-remove':
      return planLink(kb, request, ctx);
  }
}
