import { datasetFieldWarnings } from './dataset-field-warnings';

const report = {
  columns: [
    { name: 'Client', roles: ['customerId'] },
    { name: 'Age', roles: ['field'], field: 'ageYears', personal: 'hash' },
    { name: 'tier', roles: ['field'], field: 'segment' },
    { name: 'offer', roles: ['loggedAction'] },
  ],
};

describe('datasetFieldWarnings', () => {
  it('says which fields the strategy reads that the dataset lacks or holds hashed', () => {
    const warnings = datasetFieldWarnings(['ageYears', 'churnRisk', 'hasCard', 'segment'], report);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^The strategy reads customer\.churnRisk, customer\.hasCard, which this dataset does not have/,
    );
    expect(warnings[1]).toMatch(/^The strategy reads customer\.ageYears, which this dataset holds hashed/);
  });

  it('has nothing to say when every field read is there in clear, or without a report', () => {
    expect(datasetFieldWarnings(['segment'], report)).toEqual([]);
    expect(datasetFieldWarnings([], report)).toEqual([]);
    expect(datasetFieldWarnings(['age'], null)).toEqual([]);
  });
});
