import { checkForm, emptyForm, formFieldOf } from './schema-form';

describe('schema field form', () => {
  it('types the allowed values to the field', () => {
    expect(
      checkForm({ ...emptyForm('customer'), name: 'score', type: 'number', allowedValues: ['1', '2,5'] })
        .input,
    ).toEqual({
      scope: 'customer',
      name: 'score',
      type: 'number',
      label: null,
      description: null,
      allowedValues: [1, 2.5],
      personal: false,
      protected: false,
    });
    expect(
      checkForm({ ...emptyForm('context'), name: 'vip', type: 'boolean', allowedValues: ['true'] }).input
        ?.allowedValues,
    ).toEqual([true]);
  });

  it('says what is wrong', () => {
    expect(
      checkForm({ ...emptyForm('customer'), name: '1st', type: 'number', allowedValues: ['gold'] }).errors,
    ).toEqual({
      name: 'uses letters, digits and _ and starts with a letter',
      allowedValues: '"gold" is not a number: a number field takes numbers',
    });
    expect(checkForm({ ...emptyForm('customer'), name: 'age' }, ['age']).errors.name).toBe(
      'is declared already: edit customer.age instead',
    );
    expect(
      checkForm({ ...emptyForm('customer'), name: 'tier', allowedValues: ['a', 'a'] }).errors.allowedValues,
    ).toBe('lists a twice');
  });

  it('drops allowed values of a date field', () => {
    expect(
      checkForm({ ...emptyForm('customer'), name: 'born', type: 'date', allowedValues: ['x'] }).input
        ?.allowedValues,
    ).toBeNull();
  });

  it('maps server error fields to the form', () => {
    expect(formFieldOf('input.allowedValues[1]')).toBe('allowedValues');
    expect(formFieldOf('input.type')).toBeUndefined();
  });
});
