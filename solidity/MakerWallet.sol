// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @title MakerWallet — a minimal ERC-1271 smart wallet owned by one EOA.
/// @notice What a smart-account maker looks like to RFQSettlement: the order is "signed" when the
/// wallet says so (isValidSignature), here when its owner signed the digest. The owner moves funds
/// through `execute` (an approval of the stablecoin to the settlement contract, say).
contract MakerWallet is IERC1271 {
    address public immutable owner;

    error NotOwner(address caller);
    error CallFailed(bytes reason);

    constructor(address owner_) {
        owner = owner_;
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        (address recovered, ECDSA.RecoverError error_,) = ECDSA.tryRecover(hash, signature);
        return error_ == ECDSA.RecoverError.NoError && recovered == owner ? this.isValidSignature.selector : bytes4(0xffffffff);
    }

    function execute(address target, bytes calldata data) external returns (bytes memory) {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        (bool ok, bytes memory result) = target.call(data);
        if (!ok) revert CallFailed(result);
        return result;
    }
}
