import { EMPTY_METADATA, metadataBody, metadataParams } from './ingest';

describe('the metadata fields of the ingest and correction forms', () => {
  it('send only what was typed with an ingest, trimmed, so the detected values stand for the rest', () => {
    expect(metadataParams({ ...EMPTY_METADATA, jurisdiction: ' 佛山市 ', year: '2024' })).toEqual({
      title: '',
      issuer: '',
      jurisdiction: '佛山市',
      year: '2024',
      publishedAt: '',
    });
  });

  it('send every field with a correction: an emptied optional field is cleared, an emptied title left as it was', () => {
    expect(metadataBody({ title: ' ', issuer: '', jurisdiction: '440600', year: '2024', publishedAt: '' })).toEqual({
      issuer: null,
      jurisdiction: '440600',
      year: 2024,
      publishedAt: null,
    });
    expect(metadataBody({ ...EMPTY_METADATA, title: '新标题' })).toMatchObject({ title: '新标题', year: null, jurisdiction: null });
  });
});
