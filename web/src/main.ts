// The emokb web explorer: the hierarchy as a sunburst, an emotion's page, search and tagging, all
// read from the server's GraphQL API.
import './style.css';
import { start } from './router.js';
import { hierarchyView } from './views/hierarchy.js';
import { emotionView } from './views/emotion.js';
import { searchView } from './views/search.js';
import { tagView } from './views/tag.js';

start({ hierarchy: hierarchyView, emotion: emotionView, search: searchView, tag: tagView });
