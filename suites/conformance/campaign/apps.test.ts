import { campaign } from './campaign.js';

campaign('Apps');
