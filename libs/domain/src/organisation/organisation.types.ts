/**
 * Organisation model as data: levels, bodies in a tree, posts, people, dated memberships and declared relatives.
 * The level tree changed in 2025 (districts abolished), so nothing here is hard-coded.
 */

/** Cấp: grassroots (cơ sở), district (cấp huyện), province (tỉnh), national (toàn quốc). */
export type LevelKind = 'grassroots' | 'district' | 'province' | 'national';

/** A level of the tree and who gives opinions on its personnel plans (e.g. the Politburo for provinces). */
export interface Level {
  readonly id: string;
  readonly kind: LevelKind;
  readonly name: string;
  /** Kind of body of the organisation one level up that is consulted on this level's plans. */
  readonly consultedBodyKind: BodyKind | null;
}

/** What a body is. Vietnamese names in the TSDoc of each member. */
export type BodyKind =
  /** Đảng bộ / chi bộ: the party organisation that holds a congress; the node of the level tree. */
  | 'party-organisation'
  /** Đại hội. */
  | 'congress'
  /** Ban Chấp hành / cấp ủy. */
  | 'executive-committee'
  /** Ban Thường vụ. */
  | 'standing-committee'
  /** Thường trực cấp ủy. */
  | 'standing-office'
  /** Ban Tổ chức. */
  | 'organization-committee'
  /** Ủy ban Kiểm tra. */
  | 'inspection-committee'
  /** Bộ Chính trị. */
  | 'politburo'
  /** Ban Bí thư. */
  | 'secretariat'
  /** Hội nghị cán bộ chủ chốt. */
  | 'key-cadres-conference'
  /** Tập thể lãnh đạo of a unit (a department, a sector). */
  | 'leadership-collective'
  /** A state or sector unit led by a head (sở, ngành). */
  | 'unit';

/** A body. Party organisations point to the organisation above; every other body to the organisation it serves. */
export interface Body {
  readonly id: string;
  readonly kind: BodyKind;
  readonly name: string;
  readonly levelId: string;
  /** For a party organisation: the organisation one level up (null at the top). Otherwise: its organisation. */
  readonly parentId: string | null;
  /** For a unit: the sector it heads in its locality (QĐ 114 lists 13 such sectors). */
  readonly sector?: string;
}

/** Kind of post; linked-post rules of the rulebook refer to these. */
export type PostKind =
  | 'secretary'
  | 'deputy-secretary'
  | 'member'
  | 'organization-committee-head'
  | 'inspection-committee-chair'
  | 'head'
  | 'deputy-head';

/** A post in a body, e.g. the secretary of the provincial executive committee. */
export interface Post {
  readonly id: string;
  readonly bodyId: string;
  readonly kind: PostKind;
  readonly title: string;
}

/** Giới tính as recorded in the personnel file. */
export type Gender = 'male' | 'female';

/**
 * A person. `birthDate` is `YYYY-MM-DD`, or `YYYY` when the file gives only the year (then 1 January counts).
 */
export interface Person {
  readonly id: string;
  readonly fullName: string;
  readonly gender: Gender;
  readonly birthDate: string;
}

/** A person holds a post (or plain membership) in a body from a date, until a date (exclusive) or still. */
export interface Membership {
  readonly personId: string;
  readonly bodyId: string;
  readonly postId?: string;
  readonly from: string;
  readonly to?: string;
}

/** Relatives QĐ 205/114 names: spouse, parents, parents-in-law, children, siblings (and the inverse ties). */
export type RelationKind = 'spouse' | 'parent' | 'parent-in-law' | 'child' | 'child-in-law' | 'sibling';

/** `relativeId` is the `kind` of `personId` (e.g. her parent), as declared by `personId` on `declaredOn`. */
export interface DeclaredRelation {
  readonly personId: string;
  readonly relativeId: string;
  readonly kind: RelationKind;
  readonly declaredOn: string;
}

/** The whole organisation model handed to queries and checks. */
export interface OrganisationModel {
  readonly levels: readonly Level[];
  readonly bodies: readonly Body[];
  readonly posts: readonly Post[];
  readonly people: readonly Person[];
  readonly memberships: readonly Membership[];
  readonly relations: readonly DeclaredRelation[];
}
