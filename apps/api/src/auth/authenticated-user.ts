import type { Grant } from './user.entity';

/** Who is calling, as the access token says. */
export interface AuthenticatedUser {
  userId: string;
  username: string;
  displayName: string;
  /** The person in the organisation model, for recusal and four-eyes; null for a service account. */
  personId: string | null;
  grants: Grant[];
}
