import { campaign } from './campaign.js';

campaign('Runs');
