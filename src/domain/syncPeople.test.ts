import { describe, expect, it } from 'vitest';
import { peopleMessage, readPeopleMessage } from './syncPeople';

describe('the people a server certifies on a connection', () => {
  it('reads back what the server wrote', () => {
    const people = {
      self: { id: 'lan', name: 'Nguyễn Thị Lan', unit: 'gtvt', role: 'department' },
      people: [
        { id: 'lan', name: 'Nguyễn Thị Lan' },
        { id: 'u-3f9a2c', name: 'Đỗ Thu' },
      ],
    };
    expect(readPeopleMessage(peopleMessage(people))).toEqual(people);
  });

  it('is null for another stateless message or a damaged one; drops unnamed people', () => {
    expect(readPeopleMessage('hello')).toBeNull();
    expect(
      readPeopleMessage('{"type":"other","self":{"id":"a","name":"A"},"people":[]}'),
    ).toBeNull();
    expect(
      readPeopleMessage('{"type":"planbook-people","self":{"id":"a"},"people":[]}'),
    ).toBeNull();
    const m = readPeopleMessage(
      '{"type":"planbook-people","self":{"id":"a","name":"A","unit":3},"people":[null,{"id":"b"},{"id":"c","name":"C"}]}',
    );
    expect(m).toEqual({ self: { id: 'a', name: 'A' }, people: [{ id: 'c', name: 'C' }] });
  });
});
