// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title TrancheUSD — the RFQ desk's dollar stablecoin (18 decimals, the seed's amounts).
/// @notice Makers pay for buys with it and principals are paid in it for sells. Holders of
/// MINTER_ROLE (the deployer: the local chain's faucet) create it; on a public chain an issuer would.
contract TrancheUSD is ERC20, AccessControl {
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    constructor(address admin) ERC20("Tranche USD", "TUSD") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
    }

    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }
}
