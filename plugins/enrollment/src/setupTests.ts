import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// On a busy 2-core machine (CI, or a benchmark running beside the suite) the
// first Material UI page a jsdom worker renders took 6–11 s, past jest's 5 s
// default, and a findBy* query can wait behind it past testing-library's 1 s.
// The tests wait for what the page shows, not for time; these are ceilings.
jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 30_000 });
