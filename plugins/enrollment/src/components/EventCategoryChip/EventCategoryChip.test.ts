import { eventCategoryOf } from './EventCategoryChip';

describe('eventCategoryOf', () => {
  it('reads the category from the start of the type', () => {
    expect(eventCategoryOf('portal.login-failed')).toBe('portal');
    expect(eventCategoryOf('mdm.enrolled')).toBe('mdm');
    expect(eventCategoryOf('admin.site-create')).toBe('admin');
  });

  it('knows no category a newer backend may add', () => {
    expect(eventCategoryOf('vpp.assigned')).toBeUndefined();
    expect(eventCategoryOf('portalx.login')).toBeUndefined();
  });
});
