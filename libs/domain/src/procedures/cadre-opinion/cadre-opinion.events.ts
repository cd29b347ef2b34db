import { type DomainEvent } from '../../shared/message.types';
import { type CommonEvent } from '../common/common.events';

/** The organisation received a request for its opinion on these cadres. */
export type OpinionRequested = DomainEvent<
  'OpinionRequested',
  {
    readonly requestingBodyId: string;
    readonly reference: string;
    readonly matter: string;
    readonly personIds: readonly string[];
  }
>;

/** The answering body gave its opinion on one cadre, favourable or not, and it goes to the requesting agency. */
export type OpinionGiven = DomainEvent<
  'OpinionGiven',
  {
    readonly personId: string;
    readonly favourable: boolean;
    /** The body's words: a note when favourable, the reason when not. */
    readonly opinion: string;
    readonly byBodyId: string;
    readonly toBodyId: string;
  }
>;

/** Events of the opinion on cadres. */
export type CadreOpinionEvent = CommonEvent | OpinionRequested | OpinionGiven;
