import { Injectable } from '@nestjs/common';
import { compare } from 'bcryptjs';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from './authenticated-user';
import { UserEntity } from './user.entity';

/**
 * Checks credentials. The password implementation below can be replaced by an OIDC provider's without touching
 * the rest of the API: everything downstream sees only an {@link AuthenticatedUser}.
 */
export abstract class Authenticator {
  abstract authenticate(username: string, password: string): Promise<AuthenticatedUser | null>;
}

/** Users with bcrypt password hashes in the `users` table. */
@Injectable()
export class PasswordAuthenticator extends Authenticator {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async authenticate(username: string, password: string): Promise<AuthenticatedUser | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username });
    // Compare even for an unknown user, so timing does not tell which usernames exist.
    const ok = await compare(
      password,
      user?.passwordHash ?? '$2a$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva',
    );
    if (!user || !ok) return null;
    return toAuthenticatedUser(user);
  }
}

export function toAuthenticatedUser(user: UserEntity): AuthenticatedUser {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    personId: user.personId,
    grants: user.grants,
  };
}
