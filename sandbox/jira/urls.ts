/** Builds the absolute `self`/avatar links Jira puts in every bean, from the configured site URL. */
export class SiteUrls {
  readonly base: string;

  constructor(baseUrl: string) {
    this.base = baseUrl.replace(/\/+$/, '');
  }

  api(path: string): string {
    return `${this.base}/rest/api/3/${path.replace(/^\/+/, '')}`;
  }

  user(accountId: string): string {
    return this.api(`user?accountId=${encodeURIComponent(accountId)}`);
  }

  /** Atlassian serves initials avatars from a CDN; a deterministic URL is all clients need. */
  userAvatars(displayName: string): Record<'16x16' | '24x24' | '32x32' | '48x48', string> {
    const initials = displayName.split(/\s+/).map((part) => part.charAt(0)).join('').slice(0, 2).toUpperCase() || 'U';
    const url = (size: number): string =>
      `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/${initials}-${size}.png?size=${size}&s=${size}`;
    return { '16x16': url(16), '24x24': url(24), '32x32': url(32), '48x48': url(48) };
  }

  projectAvatars(projectId: number): Record<'16x16' | '24x24' | '32x32' | '48x48', string> {
    const url = (size: string): string => `${this.base}/rest/api/3/universal_avatar/view/type/project/avatar/${10400 + (projectId % 20)}?size=${size}`;
    return { '16x16': url('xsmall'), '24x24': url('small'), '32x32': url('medium'), '48x48': url('large') };
  }

  issueTypeIcon(avatarId: number): string {
    return `${this.base}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${avatarId}?size=medium`;
  }
}
